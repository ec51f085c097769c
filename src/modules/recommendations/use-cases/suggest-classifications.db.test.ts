import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reference from "../../../../reference/themes.json";
import { createTestDatabase } from "../../../../test/support/database";
import { readUprInfoRows } from "../../../../test/support/upr-info-data";
import { type Actor, ANONYMOUS, systemActor } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import { recommendations, classificationSuggestions as suggestions } from "../schema";
import { decideSuggestions } from "./decide-suggestions";
import {
  ClassifyForbiddenError,
  requestSuggestionRun,
  SUGGESTION_FLOOR,
  SUGGESTIONS_PER_RECOMMENDATION,
  suggestClassifications,
} from "./suggest-classifications";

const system = systemActor("test");
const officer = (secondFactor = true): Actor => ({
  kind: "user",
  userId: "00000000-0000-4000-8000-0000000000a1",
  displayName: "Officer",
  sessionId: null,
  secondFactor,
  memberships: [
    {
      organisationId: "00000000-0000-4000-8000-0000000000b1",
      organisationKind: "un-entity",
      isSecretariat: true,
      role: "secretariat-officer",
      regionalGroup: null,
      countryIso3: null,
    },
  ],
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** Recommendations whose themes the test removed, with the themes UPR Info gave them. */
const hidden = new Map<string, string[]>();
let sdgTagged = "";

const pendingOf = async (scheme: "theme" | "sdg") =>
  database.db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.scheme, scheme), eq(suggestions.status, "suggested")));
const auditCount = async () =>
  Number(
    (
      await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.action, "recommendations.suggest"))
    )[0]?.n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  const code = new Map(reference.themes.map((t) => [t.label, t.code]));
  // Two whole sessions of the real export, tagged by UPR Info.
  const rows = (await readUprInfoRows()).filter((r) => /^uprinfo18-s(05|19)-/.test(r.id!) && r.issues);
  const values = rows.map((r) => ({
    key: r.id!,
    kind: "recommendation",
    mechanism: "upr",
    session: Number(r.session),
    stateUnderReview: r.sur_iso3!,
    text: r.text!,
    themes: r.issues!.split(";").map((l) => code.get(l.trim())!),
    source: "test",
    contentHash: r.id!,
  }));
  for (let i = 0; i < values.length; i += 500)
    await database.db.insert(recommendations).values(values.slice(i, i + 500));
  // Every 97th recommendation loses its themes: the classifier must find them again.
  const chosen = values.filter((_, i) => i % 97 === 0);
  for (const v of chosen) {
    hidden.set(v.key, v.themes);
    await database.db.update(recommendations).set({ themes: [] }).where(eq(recommendations.key, v.key));
  }
  sdgTagged = values[1]!.key;
  await database.db
    .update(recommendations)
    .set({ sdgs: ["16.3"] })
    .where(eq(recommendations.key, sdgTagged));
}, 120_000);
afterAll(async () => {
  await database.dispose();
});

const keyOfId = new Map<string, string>();
const idOf = async (key: string) =>
  (await database.db.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.key, key)))[0]!
    .id;

describe("suggesting themes and SDG goals", () => {
  it("is refused to anyone but the secretariat (with its second factor) and the platform itself", async () => {
    for (const actor of [ANONYMOUS, officer(false)])
      await expect(suggestClassifications({ actor }, database)).rejects.toBeInstanceOf(ClassifyForbiddenError);
    expect(await pendingOf("theme")).toHaveLength(0);
  });

  it("queues a run on request for the secretariat only, and says when no worker is there to take it", async () => {
    const triggered: string[] = [];
    const jobs = {
      trigger: async (name: string) => {
        triggered.push(name);
        return "job-id";
      },
    };
    await expect(requestSuggestionRun({ actor: ANONYMOUS }, { jobs })).rejects.toBeInstanceOf(ClassifyForbiddenError);
    await expect(requestSuggestionRun({ actor: officer(false) }, { jobs })).rejects.toBeInstanceOf(
      ClassifyForbiddenError,
    );
    expect(triggered).toEqual([]);
    expect(await requestSuggestionRun({ actor: officer() }, { jobs })).toBe(true);
    expect(triggered).toEqual(["recommendations-suggest"]);
    expect(await requestSuggestionRun({ actor: officer() }, { jobs: null })).toBe(false);
  });

  it("proposes up to three themes for each untagged recommendation, mostly the ones UPR Info chose", async () => {
    const report = await suggestClassifications({ actor: officer() }, database);
    expect(report.untagged.theme).toBe(hidden.size);
    const pending = await pendingOf("theme");
    const ids = new Map<string, string>();
    for (const key of hidden.keys()) ids.set(await idOf(key), key);
    for (const [id, key] of ids) keyOfId.set(id, key);
    // Only untagged recommendations get suggestions; one the model is unsure about gets none.
    const suggested = new Set(pending.map((p) => ids.get(p.recommendationId)));
    expect(suggested.has(undefined)).toBe(false);
    expect(suggested.size).toBeGreaterThan(0.8 * hidden.size);
    let found = 0;
    for (const [id, key] of ids) {
      const mine = pending.filter((p) => p.recommendationId === id);
      expect(mine.length).toBeLessThanOrEqual(SUGGESTIONS_PER_RECOMMENDATION);
      for (const p of mine) {
        expect(p.score).toBeGreaterThanOrEqual(SUGGESTION_FLOOR);
        expect(p.modelVersion).toBe(report.modelVersion.theme);
      }
      if (mine.some((p) => hidden.get(key)!.includes(p.code))) found++;
    }
    expect(found / hidden.size).toBeGreaterThan(0.7);
    expect(report.added.theme).toBe(pending.length);
    expect(await auditCount()).toBe(1);
  });

  it("proposes SDG goals only for recommendations without any, from goals their themes link to", async () => {
    const pending = await pendingOf("sdg");
    const tagged = await idOf(sdgTagged);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.some((p) => p.recommendationId === tagged)).toBe(false);
    for (const p of pending) expect(Number(p.code)).toBeGreaterThanOrEqual(1);
    for (const p of pending) expect(Number(p.code)).toBeLessThanOrEqual(17);
    // "Abolish the death penalty" is a goal 16 matter (16.1) in the table the labels come from.
    const deathPenalty = await database.db
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(sql`${recommendations.text} ilike '%abolish the death penalty%'`)
      .limit(1);
    expect(pending.filter((p) => p.recommendationId === deathPenalty[0]!.id).map((p) => p.code)).toContain("16");
  });

  it("changes nothing when run again over the same data", async () => {
    const before = await pendingOf("theme");
    const report = await suggestClassifications({ actor: system }, database);
    expect(report.added).toEqual({ theme: 0, sdg: 0 });
    expect(report.removed).toEqual({ theme: 0, sdg: 0 });
    expect(await pendingOf("theme")).toEqual(before);
    expect(await auditCount()).toBe(1);
  });

  it("never proposes a rejected code again, drops suggestions for recommendations tagged since, and renews the rest", async () => {
    const first = await pendingOf("theme");
    const rejected = first[0]!;
    const rejectedKey = [...hidden.keys()].find((key) => key === keyOfId.get(rejected.recommendationId));
    expect(rejectedKey).toBeDefined();
    const outcome = await decideSuggestions(
      { actor: officer(), decision: "reject", suggestions: [{ ...rejected, scheme: "theme" }] },
      database,
    );
    expect(outcome).toMatchObject({ outcome: "decided", decided: 1 });
    // Someone tags one of the hidden recommendations by hand: the training data, hence the model, change.
    const [taggedKey, taggedThemes] = [...hidden].find(([key]) => key !== rejectedKey)!;
    const taggedId = await idOf(taggedKey);
    await database.db.update(recommendations).set({ themes: taggedThemes }).where(eq(recommendations.id, taggedId));

    const report = await suggestClassifications({ actor: system }, database);
    expect(report.untagged.theme).toBe(hidden.size - 1);
    const pending = await pendingOf("theme");
    expect(pending.every((p) => p.modelVersion === report.modelVersion.theme)).toBe(true);
    // A new model renews every pending suggestion; the rejected code is not among them, not even refused by the key.
    expect(report.added.theme).toBe(pending.length);
    expect(report.removed.theme).toBe(first.length - 1);
    expect(pending.some((p) => p.recommendationId === taggedId)).toBe(false);
    expect(pending.some((p) => p.recommendationId === rejected.recommendationId && p.code === rejected.code)).toBe(
      false,
    );
    const [row] = await database.db
      .select({ status: suggestions.status })
      .from(suggestions)
      .where(
        and(
          eq(suggestions.recommendationId, rejected.recommendationId),
          eq(suggestions.scheme, "theme"),
          eq(suggestions.code, rejected.code),
        ),
      );
    expect(row?.status).toBe("rejected");
    expect(await auditCount()).toBe(2);
  });
});
