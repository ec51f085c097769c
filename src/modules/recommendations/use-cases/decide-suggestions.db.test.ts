import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database";
import { type Actor, ANONYMOUS, type Membership, type Role } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import { recommendations, classificationSuggestions as suggestions } from "../schema";
import { decideSuggestions } from "./decide-suggestions";
import { listSuggestions } from "./list-suggestions";

const OFFICER_ID = "00000000-0000-4000-8000-0000000000a1";
const membership = (role: Role, isSecretariat: boolean): Membership => ({
  organisationId: "00000000-0000-4000-8000-0000000000b1",
  organisationKind: isSecretariat ? "un-entity" : "state",
  isSecretariat,
  role,
  regionalGroup: null,
  countryIso3: isSecretariat ? null : "FJI",
});
const user = (m: Membership, secondFactor = true): Actor => ({
  kind: "user",
  userId: OFFICER_ID,
  displayName: "Someone",
  sessionId: null,
  secondFactor,
  memberships: [m],
});
const officer = user(membership("secretariat-officer", true));
const administrator = user(membership("platform-administrator", true));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: string[] = [];

const recommendation = async (id: string) =>
  (await database.db.select().from(recommendations).where(eq(recommendations.id, id)))[0]!;
const statusOf = async (recommendationId: string, scheme: string, code: string) =>
  (
    await database.db
      .select({ status: suggestions.status, decidedBy: suggestions.decidedBy })
      .from(suggestions)
      .where(
        sql`${suggestions.recommendationId} = ${recommendationId} and ${suggestions.scheme} = ${scheme} and ${suggestions.code} = ${code}`,
      )
  )[0];
const audits = async () =>
  database.db.select().from(auditEvents).where(sql`${auditEvents.action} like 'recommendations.suggestions-%'`);

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db
    .insert(recommendations)
    .values(
      [
        ["t-1", "Abolish the death penalty and ratify the Second Optional Protocol.", ["upr-info:death-penalty"], []],
        ["t-2", "Ensure access to safe drinking water in rural areas.", [], []],
        ["t-3", "Guarantee free primary education for all girls.", [], ["4"]],
      ].map(([key, text, themes, sdgs]) => ({
        key: key as string,
        kind: "recommendation",
        mechanism: "upr",
        stateUnderReview: "FJI",
        text: text as string,
        themes: themes as string[],
        sdgs: sdgs as string[],
        source: "test",
        contentHash: key as string,
      })),
    )
    .returning({ id: recommendations.id });
  ids.push(...rows.map((r) => r.id));
  const [t1, t2, t3] = ids as [string, string, string];
  await database.db.insert(suggestions).values(
    (
      [
        [t1, "theme", "upr-info:death-penalty", 0.95],
        [t1, "theme", "upr-info:international-instruments", 0.8],
        [t1, "sdg", "16", 0.9],
        [t2, "theme", "upr-info:right-to-water-and-sanitation", 0.9],
        [t2, "sdg", "6", 0.85],
        [t2, "sdg", "11", 0.3],
        [t3, "theme", "upr-info:right-to-education", 0.92],
        [t3, "theme", "upr-info:womens-rights", 0.6],
      ] as const
    ).map(([recommendationId, scheme, code, score]) => ({
      recommendationId,
      scheme,
      code,
      score,
      modelVersion: "test",
    })),
  );
});
afterAll(async () => {
  await database.dispose();
});

describe("deciding on suggestions", () => {
  it("is refused to anyone but a secretariat officer or administrator with a second factor, and changes nothing", async () => {
    const refused: Actor[] = [
      ANONYMOUS,
      user(membership("secretariat-officer", true), false),
      user(membership("platform-administrator", true), false),
      user(membership("state-focal-point", false)),
      user(membership("secretariat-officer", false)),
      user(membership("provider-focal-point", false)),
      {
        kind: "token",
        tokenId: "00000000-0000-4000-8000-0000000000c1",
        organisationId: "00000000-0000-4000-8000-0000000000b1",
        membership: membership("state-focal-point", false),
        scope: "read-write",
      },
    ];
    const all = [
      { recommendationId: ids[1]!, scheme: "theme" as const, code: "upr-info:right-to-water-and-sanitation" },
    ];
    for (const actor of refused) {
      expect(await decideSuggestions({ actor, decision: "accept", suggestions: all }, database)).toEqual({
        outcome: "forbidden",
      });
      expect(
        await listSuggestions({ actor, filter: { scheme: null, code: null }, limit: 10, offset: 0 }, database),
      ).toBeNull();
    }
    expect((await recommendation(ids[1]!)).themes).toEqual([]);
    expect((await statusOf(ids[1]!, "theme", "upr-info:right-to-water-and-sanitation"))?.status).toBe("suggested");
    expect(await audits()).toHaveLength(0);
  });

  it("says so when nothing is selected", async () => {
    expect(await decideSuggestions({ actor: officer, decision: "accept", suggestions: [] }, database)).toEqual({
      outcome: "none-selected",
    });
  });

  it("lists the pending suggestions, most confident first, filtered by scheme and code", async () => {
    const all = await listSuggestions(
      { actor: officer, filter: { scheme: null, code: null }, limit: 3, offset: 0 },
      database,
    );
    expect(all!.total).toBe(8);
    expect(all!.items.map((i) => i.score)).toEqual([0.95, 0.92, 0.9]);
    expect(all!.items[0]).toMatchObject({ key: "t-1", stateUnderReview: "FJI", code: "upr-info:death-penalty" });
    const sdgs = await listSuggestions(
      { actor: officer, filter: { scheme: "sdg", code: null }, limit: 10, offset: 0 },
      database,
    );
    expect(sdgs!.items.map((i) => i.code)).toEqual(["16", "6", "11"]);
    expect(sdgs!.codes).toEqual([
      { scheme: "sdg", code: "11", count: 1 },
      { scheme: "sdg", code: "16", count: 1 },
      { scheme: "sdg", code: "6", count: 1 },
    ]);
    const water = await listSuggestions(
      { actor: officer, filter: { scheme: "sdg", code: "6" }, limit: 10, offset: 0 },
      database,
    );
    expect(water!.items.map((i) => i.key)).toEqual(["t-2"]);
  });

  it("adds accepted codes to the recommendations' themes and SDGs, once each, in one audited batch", async () => {
    const [t1, t2, t3] = ids as [string, string, string];
    const outcome = await decideSuggestions(
      {
        actor: officer,
        decision: "accept",
        suggestions: [
          { recommendationId: t1, scheme: "theme", code: "upr-info:death-penalty" },
          { recommendationId: t1, scheme: "theme", code: "upr-info:international-instruments" },
          { recommendationId: t1, scheme: "sdg", code: "16" },
          { recommendationId: t2, scheme: "sdg", code: "6" },
          { recommendationId: t3, scheme: "theme", code: "upr-info:right-to-education" },
          { recommendationId: t3, scheme: "theme", code: "upr-info:no-such-suggestion" },
        ],
        request: { requestId: "req-1" },
      },
      database,
    );
    expect(outcome).toEqual({ outcome: "decided", decision: "accept", decided: 5 });
    expect((await recommendation(t1)).themes).toEqual(["upr-info:death-penalty", "upr-info:international-instruments"]);
    expect((await recommendation(t1)).sdgs).toEqual(["16"]);
    expect((await recommendation(t2)).themes).toEqual([]);
    expect((await recommendation(t2)).sdgs).toEqual(["6"]);
    expect((await recommendation(t3)).themes).toEqual(["upr-info:right-to-education"]);
    expect((await recommendation(t3)).sdgs).toEqual(["4"]);
    expect(await statusOf(t1, "theme", "upr-info:death-penalty")).toEqual({
      status: "accepted",
      decidedBy: OFFICER_ID,
    });
    expect(await statusOf(t3, "theme", "upr-info:no-such-suggestion")).toBeUndefined();
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "recommendations.suggestions-accepted",
      actorUserId: OFFICER_ID,
      requestId: "req-1",
    });
    expect((rows[0]!.changes as { accepted: [unknown, string[]] }).accepted[1]).toHaveLength(5);
  });

  it("records rejections without touching the recommendation, and counts a decided suggestion once", async () => {
    const [t1, t2, t3] = ids as [string, string, string];
    const outcome = await decideSuggestions(
      {
        actor: administrator,
        decision: "reject",
        suggestions: [
          { recommendationId: t2, scheme: "theme", code: "upr-info:right-to-water-and-sanitation" },
          { recommendationId: t3, scheme: "theme", code: "upr-info:womens-rights" },
          { recommendationId: t1, scheme: "sdg", code: "16" },
        ],
      },
      database,
    );
    expect(outcome).toEqual({ outcome: "decided", decision: "reject", decided: 2 });
    expect((await recommendation(t2)).themes).toEqual([]);
    expect((await recommendation(t3)).themes).toEqual(["upr-info:right-to-education"]);
    expect((await statusOf(t2, "theme", "upr-info:right-to-water-and-sanitation"))?.status).toBe("rejected");
    expect((await statusOf(t1, "sdg", "16"))?.status).toBe("accepted");
    expect((await audits()).map((a) => a.action)).toEqual([
      "recommendations.suggestions-accepted",
      "recommendations.suggestions-rejected",
    ]);
    const again = await decideSuggestions(
      {
        actor: officer,
        decision: "accept",
        suggestions: [{ recommendationId: t2, scheme: "theme", code: "upr-info:right-to-water-and-sanitation" }],
      },
      database,
    );
    expect(again).toEqual({ outcome: "decided", decision: "accept", decided: 0 });
    expect((await recommendation(t2)).themes).toEqual([]);
    expect(await audits()).toHaveLength(2);
    const left = await listSuggestions(
      { actor: officer, filter: { scheme: null, code: null }, limit: 10, offset: 0 },
      database,
    );
    expect(left!.items.map((i) => `${i.key} ${i.code}`)).toEqual(["t-2 11"]);
  });
});
