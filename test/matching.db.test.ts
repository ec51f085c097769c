import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchSuggestions } from "../src/modules/matching/schema";
import { explainPair } from "../src/modules/matching/use-cases/explain-pair";
import { refreshSuggestions } from "../src/modules/matching/use-cases/refresh-suggestions";
import { suggestedOffers, suggestedRequests } from "../src/modules/matching/use-cases/suggestions";
import { changeOfferStatus, searchOffers } from "../src/modules/offers";
import { parseOfferQuery } from "../src/modules/offers/domain/query";
import { getRequest, searchRequests } from "../src/modules/requests";
import { parseRequestFilter } from "../src/modules/requests/domain/filter";
import { supportRequests } from "../src/modules/requests/schema";
import { type Actor, ANONYMOUS } from "../src/platform/actor";
import { createLogger } from "../src/platform/logger";
import { actorOf } from "./support/actors";
import { seedPilotMarket } from "./support/market";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({
  db: app.database.db,
  logger: createLogger("silent"),
  statusListeners: app.platform.services.statusListeners,
});

async function openRequests(actor: Actor) {
  return (await searchRequests({ actor, filter: parseRequestFilter(new URLSearchParams("limit=100")).filter }, deps()))
    .items;
}

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  await seedPilotMarket(app, "match", deps());
});
afterAll(async () => {
  await app.stop();
});

describe("suggestions", () => {
  it("lists Honduras's open request among the Thailand offer's suggestions, with its reasons", async () => {
    const report = await refreshSuggestions(deps());
    expect(report.mode).toBe("full");
    expect(report.rows).toBeGreaterThan(0);
    const thailand = await actorOf(app.database, "thailand@example.org");
    const offers = await searchOffers(
      { actor: thailand, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
      deps(),
    );
    const offer = offers.items.find((o) => o.provider.name.includes("Thailand") && /business/i.test(o.title))!;
    const listed = await suggestedRequests({ actor: thailand, offerId: offer.id }, deps());
    const honduras = listed!.suggestions.find((s) => s.request.stateIso3 === "HND");
    expect(honduras).toBeDefined();
    expect(honduras!.reasons.map((r) => r.code)).toContain("theme");
    expect(honduras!.score).toBeCloseTo(
      honduras!.reasons.reduce((sum, r) => sum + r.contribution, 0),
      1,
    );
    // Someone outside the provider organisation and the secretariat reads no list.
    expect(
      await suggestedRequests({ actor: await actorOf(app.database, "norway@example.org"), offerId: offer.id }, deps()),
    ).toBeNull();
    expect(await suggestedRequests({ actor: ANONYMOUS, offerId: offer.id }, deps())).toBeNull();
  });

  it("tells providers nothing that rests on a State's schedule: no timing reason in offers' lists or proposals", async () => {
    await refreshSuggestions(deps());
    const timing = async (side: string) => {
      const [row] = await app.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(matchSuggestions)
        .where(sql`side = ${side} and reasons @> '[["timing"]]'`);
      return row!.n;
    };
    // The States read their requests' lists with timing; the providers' lists of requests never carry it.
    expect(await timing("request")).toBeGreaterThan(0);
    expect(await timing("offer")).toBe(0);
    for (const row of await app.database.db.select().from(matchSuggestions)) {
      const sum = row.reasons.reduce((total, [, contribution]) => total + contribution, 0);
      expect(Math.abs(row.score - sum)).toBeLessThan(0.05);
    }
    const [honduras] = (await openRequests(ANONYMOUS)).filter((r) => r.stateIso3 === "HND");
    const [first] = await app.database.db
      .select({ candidateId: matchSuggestions.candidateId })
      .from(matchSuggestions)
      .where(sql`side = 'request' and subject_id = ${honduras!.id}`)
      .limit(1);
    const explained = await explainPair(app.database.db, { requestId: honduras!.id, offerId: first!.candidateId });
    if (!explained.eligible) throw new Error("expected an eligible pair");
    expect(explained.reasons.map((r) => r.code)).not.toContain("timing");
  });

  it("reads suggestions stored before reasons were packed, once migration 0012 has rewritten them", async () => {
    await refreshSuggestions(deps());
    const [request] = (await openRequests(ANONYMOUS)).filter((r) => r.stateIso3 === "HND");
    const honduras = await actorOf(app.database, "honduras@example.org");
    const before = await suggestedOffers({ actor: honduras, requestId: request!.id }, deps());
    expect(before!.suggestions.some((s) => s.reasons.some((r) => r.items.length > 0))).toBe(true);
    // The rows as the platform wrote them before: each reason an object with its keys.
    await app.database.db.execute(sql`update match_suggestions set reasons = (
      select coalesce(jsonb_agg(jsonb_build_object('code', r->0, 'contribution', r->1, 'items', coalesce(
          (select jsonb_agg(i order by k) from jsonb_array_elements(r) with ordinality as x(i, k) where k > 2),
          '[]'::jsonb)) order by n), '[]'::jsonb)
      from jsonb_array_elements(reasons) with ordinality as e(r, n))`);
    const objects = async () =>
      (
        await app.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(matchSuggestions)
          .where(sql`jsonb_typeof(reasons->0) = 'object'`)
      )[0]!.n;
    expect(await objects()).toBeGreaterThan(0);
    const migration = await readFile(
      new URL("../migrations/0012_packed_suggestion_reasons.sql", import.meta.url),
      "utf8",
    );
    await app.database.executeSql(migration);
    expect(await objects()).toBe(0);
    const after = await suggestedOffers({ actor: honduras, requestId: request!.id }, deps());
    expect(after).toEqual(before);
  });

  it("points the State and the secretariat to a request's suggestions, and no one else", async () => {
    const [honduras] = (await openRequests(ANONYMOUS)).filter((r) => r.stateIso3 === "HND");
    const read = async (email: string) =>
      (await getRequest({ actor: await actorOf(app.database, email), id: honduras!.id }, deps()))!.hasSuggestions;
    expect(await read("honduras@example.org")).toBe(true);
    expect(await read("secretariat@example.org")).toBe(true);
    expect(await read("thailand@example.org")).toBe(false);
  });

  it("never lists an ineligible offer, nor a request the reader may not see", async () => {
    const secretariat = await actorOf(app.database, "secretariat@example.org");
    const requests = await openRequests(secretariat);
    for (const request of requests) {
      const owner = await ownerActor(request.stateIso3);
      for (const actor of [owner, secretariat]) {
        const listed = await suggestedOffers({ actor, requestId: request.id }, deps());
        for (const s of listed!.suggestions) {
          const explained = await explainPair(deps().db, { requestId: request.id, offerId: s.offer.id });
          expect(explained.eligible).toBe(true);
        }
      }
    }
    // A request shared with the secretariat only is never shown to a provider, whatever the list holds.
    const hidden = requests.find((r) => r.stateIso3 === "HND")!;
    await app.database.db.execute(
      sql`update ${supportRequests} set visibility = 'secretariat', updated_at = now() where id = ${hidden.id}`,
    );
    await refreshSuggestions(deps());
    const thailand = await actorOf(app.database, "thailand@example.org");
    const stored = await app.database.db
      .select()
      .from(matchSuggestions)
      .where(sql`${matchSuggestions.side} = 'offer' and ${matchSuggestions.candidateId} = ${hidden.id}`);
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      const listed = await suggestedRequests({ actor: secretariat, offerId: row.subjectId }, deps());
      expect(listed!.suggestions.map((s) => s.request.id)).toContain(hidden.id);
      const asProvider = await suggestedRequests({ actor: thailand, offerId: row.subjectId }, deps());
      if (asProvider) expect(asProvider.suggestions.map((s) => s.request.id)).not.toContain(hidden.id);
    }
    await app.database.db.execute(
      sql`update ${supportRequests} set visibility = 'providers', updated_at = now() where id = ${hidden.id}`,
    );
  });

  it("drops a closed offer from every list at the next refresh, and lists it nowhere meanwhile", async () => {
    const thailand = await actorOf(app.database, "thailand@example.org");
    const offers = await searchOffers(
      { actor: thailand, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
      deps(),
    );
    const offer = offers.items.find((o) => o.provider.name.includes("Thailand"))!;
    const before = await app.database.db
      .select()
      .from(matchSuggestions)
      .where(sql`${matchSuggestions.side} = 'request' and ${matchSuggestions.candidateId} = ${offer.id}`);
    expect(before.length).toBeGreaterThan(0);
    await changeOfferStatus({ actor: thailand, offerId: offer.id, status: "closed" }, deps());
    // Before the job runs, the read still refuses it: the hard rules are checked when read.
    const secretariat = await actorOf(app.database, "secretariat@example.org");
    for (const row of before) {
      const listed = await suggestedOffers({ actor: secretariat, requestId: row.subjectId }, deps());
      expect(listed!.suggestions.map((s) => s.offer.id)).not.toContain(offer.id);
    }
    const report = await refreshSuggestions(deps());
    expect(report.mode).toBe("incremental");
    expect(report.offers).toBeGreaterThanOrEqual(1);
    const after = await app.database.db
      .select()
      .from(matchSuggestions)
      .where(sql`${matchSuggestions.candidateId} = ${offer.id} or ${matchSuggestions.subjectId} = ${offer.id}`);
    expect(after).toEqual([]);
  });
});

async function ownerActor(iso3: string): Promise<Actor> {
  const email = {
    BTN: "bhutan@example.org",
    MDV: "maldives@example.org",
    HND: "honduras@example.org",
    FJI: "fiji@example.org",
    MHL: "marshall.islands@example.org",
    SYC: "seychelles@example.org",
  }[iso3];
  return actorOf(app.database, email!);
}
