/**
 * How well the theme and SDG classifier ranks labels on recommendations it has not seen: the
 * real UPR Info export (sessions 1–26 are tagged), split by a hash of each row's id, 20 % held
 * out. The baseline proposes the three most frequent labels of the training part to everyone.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import {
  isHeldOut,
  type LabelledText,
  majorityBaseline,
  precisionAtK,
  predict,
  recallAtK,
  train,
} from "../src/modules/recommendations/domain/classifier";
import { sdgsOfThemes } from "../src/modules/recommendations/domain/theme-sdgs";

const ROOT = path.resolve(import.meta.dirname, "..");
export const UPR_INFO_CSV = path.resolve(
  ROOT,
  "../shared/data/upr-info-2008-2017/upr-recommendations-sessions-01-27.csv",
);
const K = 3;

/** The tagged rows of the export, with their UPR Info issues as theme codes and SDG goals derived from them. */
export async function loadTaggedRecommendations(file = UPR_INFO_CSV) {
  const themes = JSON.parse(await readFile(path.join(ROOT, "reference/themes.json"), "utf8")) as {
    themes: { code: string; scheme: string; label: string }[];
  };
  const code = new Map(themes.themes.filter((t) => t.scheme === "upr-info").map((t) => [t.label, t.code]));
  code.set("NHRI", code.get("National Human Rights Institution")!);
  const rows = parse(await readFile(file, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  return rows
    .map((r) => {
      const labels = (r.issues ?? "")
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((l) => code.get(l) ?? `unknown:${l}`);
      return { id: r.id!, text: r.text ?? "", themes: labels, sdgs: sdgsOfThemes(labels) ?? [] };
    })
    .filter((r) => r.themes.length > 0);
}

interface Figures {
  precision: number;
  recall: number;
}

function evaluate(trainSet: LabelledText[], testSet: LabelledText[]) {
  const started = performance.now();
  const model = train(trainSet);
  const trainingMs = performance.now() - started;
  const actual = testSet.map((e) => e.labels);
  const predicted = testSet.map((e) => predict(model, e.text, K).map((s) => s.code));
  const top = majorityBaseline(trainSet, K);
  const baseline = testSet.map(() => top);
  const figures = (p: readonly (readonly string[])[]): Figures => ({
    precision: precisionAtK(p, actual, K),
    recall: recallAtK(p, actual, K),
  });
  // Most rows carry one or two labels, so no ranking of three can be fully precise.
  const ceiling = figures(actual.map((a) => a.slice(0, K)));
  return { model: figures(predicted), baseline: figures(baseline), trainingMs, top, ceiling };
}

export async function benchClassifier(): Promise<boolean> {
  const rows = await loadTaggedRecommendations();
  const trainRows = rows.filter((r) => !isHeldOut(r.id));
  const testRows = rows.filter((r) => isHeldOut(r.id));
  const schemes = [
    {
      name: "themes (UPR Info)",
      examples: (list: typeof rows) => list.map((r) => ({ text: r.text, labels: r.themes })),
    },
    {
      name: "SDG goals (derived)",
      examples: (list: typeof rows) => list.map((r) => ({ text: r.text, labels: r.sdgs })),
    },
  ];
  console.log(
    `classifier: ${trainRows.length} training / ${testRows.length} held-out tagged UPR Info recommendations (split by a hash of the id, 20 % held out)`,
  );
  let ok = true;
  for (const scheme of schemes) {
    const r = evaluate(scheme.examples(trainRows), scheme.examples(testRows));
    const beats = r.model.precision > r.baseline.precision && r.model.recall > r.baseline.recall;
    ok &&= beats;
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(8);
    const row = (name: string, precision: string, recall: string) =>
      `     ${name.padEnd(36)}${precision.padStart(8)}  ${recall.padStart(8)}`;
    console.log(
      [
        `${beats ? "ok  " : "WORSE"} ${scheme.name}: trained in ${(r.trainingMs / 1000).toFixed(1)} s`,
        row("", `P@${K}`, `R@${K}`),
        row("TF-IDF + logistic regression", pct(r.model.precision), pct(r.model.recall)),
        row(`majority baseline (${K} most frequent)`, pct(r.baseline.precision), pct(r.baseline.recall)),
        row(
          "ratio",
          (r.model.precision / r.baseline.precision).toFixed(2),
          (r.model.recall / r.baseline.recall).toFixed(2),
        ),
        row(`best possible ranking of ${K}`, pct(r.ceiling.precision), pct(r.ceiling.recall)),
        `     baseline labels: ${r.top.map((l) => l.replace("upr-info:", "")).join(", ")}`,
      ].join("\n"),
    );
  }
  return ok;
}
