import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { getRecommendation } from "./get-recommendation";
import { importRecommendations } from "./import-recommendations";

const SHARED = path.resolve(import.meta.dirname, "../../../../../shared/data/upr-info-2008-2017");
let app: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;

const OMBUDSMAN =
  "Appoint an independent ombudsman for children in the outer islands and fund the ombudsman adequately";
const OMBUDSMAN_ABROAD = "Appoint an ombudsman for children of the outer islands";
// Made-up rows beside a real session: a joint recommendation stored once per recommending State
// (b repeats a), a close text to the same State (c), and a close text to another State, twice (d, e).
const made = (id: string, sur: string, rec: string, text: string) =>
  `${id},19,2,2014-04,2014,,${sur},,,,${rec},,,"${text}",Supported,5,Rights of the Child,test`;
const MADE_UP = [
  made("test-sim-a", "QAT", "NOR", OMBUDSMAN),
  made("test-sim-b", "QAT", "SWE", OMBUDSMAN),
  made("test-sim-c", "QAT", "FRA", "Fund the ombudsman for children in the outer islands adequately"),
  made("test-sim-d", "NOR", "QAT", OMBUDSMAN_ABROAD),
  made("test-sim-e", "NOR", "FRA", OMBUDSMAN_ABROAD),
];

const get = (key: string) => getRecommendation({ actor: ANONYMOUS, key }, { db: app.database.db });

beforeAll(async () => {
  app = await startTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "item10-recommendation-"));
  // Session 19 of the real export (2,829 texts): the word frequencies are those of real texts.
  const all = (await readFile(path.join(SHARED, "upr-recommendations-sessions-01-27.csv"), "utf8")).split(/\r?\n/);
  const chosen = [all[0]!, ...all.slice(1).filter((l) => l.startsWith("uprinfo18-s19-")), ...MADE_UP];
  const file = path.join(dir, "session-19.csv");
  await writeFile(file, `${chosen.join("\n")}\n`);
  const report = await importRecommendations(
    { actor: systemActor("test"), file, skipInvalid: false },
    { db: app.database.db },
  );
  expect(report.rejected).toBe(0);
});
afterAll(async () => {
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("getRecommendation", () => {
  it("finds a recommendation by its key, and nothing for an unknown key", async () => {
    const found = await get("uprinfo18-s19-0071");
    expect(found?.recommendation).toMatchObject({
      key: "uprinfo18-s19-0071",
      stateUnderReview: "ALB",
      recommendingStates: ["QAT"],
      cycle: 2,
      session: 19,
      year: 2014,
      response: "supported",
      actionCategory: 4,
      language: "en",
    });
    expect(found?.recommendation.themes.length).toBe(2);
    expect(await get("no-such-key")).toBeNull();
    expect(await get("x".repeat(500))).toBeNull();
  });

  it("lists the closest texts to the same State and to others, never itself nor an identical text", async () => {
    const found = await get("test-sim-a");
    const { sameState, otherStates } = found!.similar;
    expect(sameState[0]?.key).toBe("test-sim-c");
    expect(otherStates[0]?.text).toBe(OMBUDSMAN_ABROAD);
    for (const list of [sameState, otherStates]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.every((s) => s.text !== OMBUDSMAN)).toBe(true);
      expect(new Set(list.map((s) => s.text)).size).toBe(list.length);
    }
    expect(sameState.every((s) => s.stateUnderReview === "QAT")).toBe(true);
    expect(otherStates.every((s) => s.stateUnderReview !== "QAT")).toBe(true);
  });

  it("finds similar real texts through their rarer shared words", async () => {
    // Children "victims of labour exploitation": the session has many texts on child labour.
    const found = await get("uprinfo18-s19-0071");
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g));
    const own = words(found!.recommendation.text);
    for (const s of [...found!.similar.sameState, ...found!.similar.otherStates]) {
      expect([...words(s.text)].some((w) => own.has(w) && w.length > 4)).toBe(true);
    }
    expect(found!.similar.otherStates).toHaveLength(5);
  });
});

describe("the recommendation page", () => {
  it("shows the text in its language, the metadata with links, similar texts and no invented citations", async () => {
    const found = await get("uprinfo18-s19-0071");
    const response = await app.request("/en/recommendations/uprinfo18-s19-0071");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("<h1>Recommendation to Albania</h1>");
    expect(page).toContain(
      `<blockquote class="recommendation-text" lang="en"><p>${escapeHtml(found!.recommendation.text)}`,
    );
    expect(page).toContain('<a href="/en/countries/ALB/recommendations">Albania</a>');
    expect(page).toContain('<a href="/en/recommendations?recommending_state=QAT">Qatar</a>');
    expect(page).toContain(CATALOGUES.en["recommendation.mechanism.upr"]);
    expect(page).toContain("Category 4 of 5: General action");
    expect(page).toContain(CATALOGUES.en["actionCategory.4.meaning"]);
    for (const theme of found!.recommendation.themes)
      expect(page).toContain(`href="/en/recommendations?${new URLSearchParams({ theme })}"`);
    for (const s of [...found!.similar.sameState, ...found!.similar.otherStates])
      expect(page).toContain(`href="/en/recommendations/${s.key}"`);
    expect(page).toContain(CATALOGUES.en["recommendation.citingHeading"]);
    expect(page).toContain(CATALOGUES.en["recommendation.citingNone"]);
    expect(page.match(/Not recorded in the source/g)).toHaveLength(1);
  });

  it("is translated, with the English text still marked as English", async () => {
    const page = await (await app.request("/fr/recommendations/uprinfo18-s19-0071")).text();
    expect(page).toContain(`<h1>${CATALOGUES.fr["recommendation.title"].replace("{state}", "Albanie")}</h1>`);
    expect(page).toContain('<blockquote class="recommendation-text" lang="en">');
    expect(page).toContain('href="/fr/countries/ALB/recommendations"');
  });

  it("answers 404 for a key no recommendation has", async () => {
    for (const path of ["/en/recommendations/no-such-key", "/ar/recommendations/uprinfo18-s99-9999"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
    const page = await (await app.request("/en/recommendations/no-such-key")).text();
    expect(page).toContain(CATALOGUES.en["error.notFound.title"]);
  });
});

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#x27;");
}
