import { createHash } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import {
  DEFAULT_TRAINING,
  type LabelledText,
  type Model,
  predict,
  type TrainingOptions,
  trainInSteps,
} from "../domain/classifier";
import { can } from "../domain/policy";
import { sdgsOfThemes } from "../domain/theme-sdgs";
import { recommendations, classificationSuggestions as suggestions } from "../schema";

export const SUGGEST_JOB = "recommendations-suggest";

/** At most this many suggestions per recommendation and scheme: what a person can judge at a glance. */
export const SUGGESTIONS_PER_RECOMMENDATION = 3;

/**
 * A suggestion below this probability is not shown. Measured on a held-out fifth of the UPR Info
 * data (bench/classifier.ts): at 0.2, nine theme suggestions in ten are right and nine true themes
 * in ten are proposed; lower floors add mostly wrong ones.
 */
export const SUGGESTION_FLOOR = 0.2;

/** A label with fewer tagged recommendations is not proposed: the model would guess. */
const TRAINING: Partial<TrainingOptions> = { minLabelExamples: 10 };
const BATCH = 1_000;

export type Scheme = "theme" | "sdg";

export class ClassifyForbiddenError extends Error {}

export interface SuggestReport {
  modelVersion: Record<Scheme, string>;
  /** Tagged recommendations each model learnt from. */
  trainedOn: Record<Scheme, number>;
  /** Recommendations without themes (resp. SDGs) that the run looked at. */
  untagged: Record<Scheme, number>;
  /** Pending suggestions the run added, and stale ones it removed. */
  added: Record<Scheme, number>;
  removed: Record<Scheme, number>;
}

interface Suggestion {
  recommendationId: string;
  scheme: Scheme;
  code: string;
  score: number;
}

const keyOf = (s: { recommendationId: string; scheme: string; code: string }) =>
  `${s.recommendationId} ${s.scheme} ${s.code}`;

/** SDG goals only: a recommendation tagged with target 5.2 teaches goal 5. */
const goalsOf = (sdgs: readonly string[]) => [...new Set(sdgs.map((c) => c.split(".")[0]!))];

/** Seconds of training, cut into steps with a turn of the event loop between them. */
async function trainWithoutBlocking(...args: Parameters<typeof trainInSteps>): Promise<Model> {
  const steps = trainInSteps(...args);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Trains the theme and SDG-goal classifiers on the tagged recommendations and proposes up to
 * three of each for every recommendation that has none, never a code the secretariat already
 * rejected (or accepted) for it. The pending list always reflects the latest model: pending
 * suggestions of an older model, or for a recommendation that has since been tagged, are
 * replaced; a run over unchanged data changes nothing. SDG training labels are the goals a
 * recommendation carries, or else those its UPR Info themes link to (domain/theme-sdgs.ts).
 */
export async function suggestClassifications(
  input: { actor: Actor; request?: AuditContext },
  deps: { db: Db },
): Promise<SuggestReport> {
  if (!can(input.actor, "recommendations.classify")) throw new ClassifyForbiddenError();
  const rows = await deps.db
    .select({
      id: recommendations.id,
      key: recommendations.key,
      text: recommendations.text,
      themes: recommendations.themes,
      sdgs: recommendations.sdgs,
    })
    .from(recommendations)
    .orderBy(asc(recommendations.key));

  const examples: Record<Scheme, { key: string; example: LabelledText }[]> = { theme: [], sdg: [] };
  for (const r of rows) {
    if (r.themes.length > 0) examples.theme.push({ key: r.key, example: { text: r.text, labels: r.themes } });
    const goals = r.sdgs.length > 0 ? goalsOf(r.sdgs) : sdgsOfThemes(r.themes);
    if (goals) examples.sdg.push({ key: r.key, example: { text: r.text, labels: goals } });
  }
  const decided = new Set(
    (
      await deps.db
        .select({ recommendationId: suggestions.recommendationId, scheme: suggestions.scheme, code: suggestions.code })
        .from(suggestions)
        .where(ne(suggestions.status, "suggested"))
    ).map(keyOf),
  );
  const pending = await deps.db
    .select({
      recommendationId: suggestions.recommendationId,
      scheme: suggestions.scheme,
      code: suggestions.code,
      modelVersion: suggestions.modelVersion,
    })
    .from(suggestions)
    .where(eq(suggestions.status, "suggested"));

  const report: SuggestReport = {
    modelVersion: { theme: "", sdg: "" },
    trainedOn: { theme: examples.theme.length, sdg: examples.sdg.length },
    untagged: { theme: 0, sdg: 0 },
    added: { theme: 0, sdg: 0 },
    removed: { theme: 0, sdg: 0 },
  };
  const fresh: Suggestion[] = [];
  for (const scheme of ["theme", "sdg"] as const) {
    const model = await trainWithoutBlocking(
      examples[scheme].map((e) => e.example),
      TRAINING,
    );
    const version = modelVersion(scheme, model, examples[scheme]);
    report.modelVersion[scheme] = version;
    const untagged = rows.filter((r) => (scheme === "theme" ? r.themes : r.sdgs).length === 0);
    report.untagged[scheme] = untagged.length;
    for (const [n, r] of untagged.entries()) {
      if (n % 2_000 === 1_999) await new Promise((resolve) => setImmediate(resolve));
      const proposed = predict(model, r.text, model.labels.length)
        .filter(
          (s) => s.score >= SUGGESTION_FLOOR && !decided.has(keyOf({ recommendationId: r.id, scheme, code: s.code })),
        )
        .slice(0, SUGGESTIONS_PER_RECOMMENDATION);
      for (const s of proposed) fresh.push({ recommendationId: r.id, scheme, code: s.code, score: s.score });
    }
  }

  const wanted = new Set(fresh.map(keyOf));
  const current = new Set(pending.filter((p) => p.modelVersion === report.modelVersion[p.scheme as Scheme]).map(keyOf));
  const outdated = (scheme: Scheme) =>
    pending.some((p) => p.scheme === scheme && p.modelVersion !== report.modelVersion[scheme]);
  const stale = pending.filter((p) => current.has(keyOf(p)) && !wanted.has(keyOf(p)));
  const added = fresh.filter((s) => !current.has(keyOf(s)));
  for (const p of pending) if (!current.has(keyOf(p)) || !wanted.has(keyOf(p))) report.removed[p.scheme as Scheme]++;
  for (const s of added) report.added[s.scheme]++;
  if (added.length === 0 && report.removed.theme + report.removed.sdg === 0) return report;

  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    for (const scheme of ["theme", "sdg"] as const)
      if (outdated(scheme))
        await db
          .delete(suggestions)
          .where(
            and(
              eq(suggestions.scheme, scheme),
              eq(suggestions.status, "suggested"),
              ne(suggestions.modelVersion, report.modelVersion[scheme]),
            ),
          );
    for (let i = 0; i < stale.length; i += BATCH) {
      const tuples = stale.slice(i, i + BATCH).map((p) => sql`(${p.recommendationId}::uuid, ${p.scheme}, ${p.code})`);
      await db
        .delete(suggestions)
        .where(
          and(
            eq(suggestions.status, "suggested"),
            sql`(${suggestions.recommendationId}, ${suggestions.scheme}, ${suggestions.code}) in (${sql.join(tuples, sql`, `)})`,
          ),
        );
    }
    for (let i = 0; i < added.length; i += BATCH)
      await db
        .insert(suggestions)
        .values(added.slice(i, i + BATCH).map((s) => ({ ...s, modelVersion: report.modelVersion[s.scheme] })))
        .onConflictDoNothing();
    await recordAudit(
      db,
      input.actor,
      {
        action: "recommendations.suggest",
        subjectType: "classifier",
        subjectId: `${report.modelVersion.theme} ${report.modelVersion.sdg}`,
        after: { ...report },
      },
      input.request,
    );
  });
  return report;
}

/**
 * Names a model by what it learnt from: the same tagged recommendations and the same method
 * give the same name, so a run can tell its suggestions from an older model's.
 */
function modelVersion(scheme: Scheme, model: Model, examples: { key: string; example: LabelledText }[]): string {
  const hash = createHash("sha256")
    .update(model.format)
    .update(JSON.stringify({ ...DEFAULT_TRAINING, ...TRAINING }));
  for (const { key, example } of examples)
    hash.update(`\u0000${key}\u0001${example.text}\u0001${example.labels.join(",")}`);
  return `${scheme}-${hash.digest("hex").slice(0, 12)}`;
}

/**
 * The secretariat asks for a run now rather than at night. Returns false when this process runs no
 * job workers (the nightly schedule will do it).
 */
export async function requestSuggestionRun(
  input: { actor: Actor },
  deps: { jobs: { trigger(name: string): Promise<unknown> } | null },
): Promise<boolean> {
  if (!can(input.actor, "recommendations.classify")) throw new ClassifyForbiddenError();
  if (!deps.jobs) return false;
  return Boolean(await deps.jobs.trigger(SUGGEST_JOB));
}
