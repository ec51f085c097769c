import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OFFERS, DEMO_PAIRINGS, DEMO_REQUESTS, seedDemoContent } from "../src/modules/demo";
import { getMatch, listMatches } from "../src/modules/matching";
import { previewProposal } from "../src/modules/matching/use-cases/matches-read";
import { searchOffers } from "../src/modules/offers";
import { parseOfferQuery } from "../src/modules/offers/domain/query";
import { recommendations } from "../src/modules/recommendations/schema";
import { getRequest, searchRequests } from "../src/modules/requests";
import { parseRequestFilter } from "../src/modules/requests/domain/filter";
import { ANONYMOUS } from "../src/platform/actor";
import { createLogger } from "../src/platform/logger";
import { actorOf } from "./support/actors";
import { PILOT_STATE_RECOMMENDATIONS, recommendationRows } from "./support/market";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({
  db: app.database.db,
  logger: createLogger("silent"),
  statusListeners: app.platform.services.statusListeners,
});

/** The pilot States' recommendations, and one to a provider State that no demo request may cite. */
const TEXTS = { ...PILOT_STATE_RECOMMENDATIONS, NOR: ["Unrelated: a recommendation to a provider State"] };

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  await app.database.db
    .insert(recommendations)
    .values(
      recommendationRows("demo", TEXTS, () => ({ cycle: 2, session: 20, year: 2014, recommendingStates: ["NOR"] })),
    );
});
afterAll(async () => {
  await app.stop();
});

describe("the pilot forum's demo content", () => {
  it("publishes the offers and opens each request, citing recommendations its own State received", async () => {
    expect(await seedDemoContent(deps())).toBe("seeded");
    const offers = await searchOffers(
      { actor: ANONYMOUS, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
      deps(),
    );
    expect(offers.total).toBe(DEMO_OFFERS.length);

    const listed = await searchRequests(
      { actor: ANONYMOUS, filter: parseRequestFilter(new URLSearchParams("limit=100")).filter },
      deps(),
    );
    expect(listed.total).toBe(DEMO_REQUESTS.length);
    // Each request the forum paired is matched; the one left for visitors to pair is open.
    const paired = new Set(DEMO_PAIRINGS.map((p) => p.request));
    for (const item of listed.items) expect(item.state, item.title).toBe(paired.has(item.title) ? "matched" : "open");
    expect(listed.items.filter((i) => i.state === "open")).toHaveLength(1);
    for (const item of listed.items) {
      const found = await getRequest({ actor: ANONYMOUS, id: item.id }, deps());
      expect(found!.recommendations.length).toBeGreaterThan(0);
      expect(found!.recommendations.every((r) => r.stateUnderReview === item.stateIso3)).toBe(true);
    }
    // The Honduras request is in Spanish, as the State wrote it.
    expect(listed.items.find((i) => i.stateIso3 === "HND")?.language).toBe("es");
  });

  it("makes each of the forum's pairings a match, consented to by its State with the details it shares", async () => {
    const secretariat = await actorOf(app.database, "secretariat@example.org");
    const all = await listMatches({ actor: secretariat, limit: 100 }, deps());
    expect(all.total).toBe(DEMO_PAIRINGS.length);
    for (const pairing of DEMO_PAIRINGS) {
      const item = all.items.find((m) => m.request?.title === pairing.request && m.offer?.title === pairing.offer);
      expect(item, `${pairing.request} × ${pairing.offer}`).toBeDefined();
      expect(item!.state).toBe(pairing.active ? "active" : "consented");
      expect(item!.scope).toEqual(["budget", "schedule", "counterparts"].filter((f) => pairing.scope.includes(f)));
      const found = await getMatch({ actor: secretariat, id: item!.id }, deps());
      expect(found!.events.find((e) => e.action === "consent")?.scope).toEqual(item!.scope);
      expect(found!.match.reasons.length).toBeGreaterThan(0);
    }
    // Each consent took one place of its offer.
    const offers = await searchOffers(
      { actor: ANONYMOUS, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
      deps(),
    );
    for (const offer of offers.items)
      expect(offer.engagements, offer.title).toBe(DEMO_PAIRINGS.filter((p) => p.offer === offer.title).length);
    // Thailand reads of Honduras's action plan request what Honduras shared with it, and only that.
    const thailand = await actorOf(app.database, "thailand@example.org");
    const honduras = await actorOf(app.database, "honduras@example.org");
    const mine = await searchRequests(
      { actor: honduras, filter: parseRequestFilter(new URLSearchParams("country=HND")).filter },
      deps(),
    );
    const plan = mine.items.find((i) => i.title === DEMO_REQUESTS[3]!.title)!;
    expect((await getRequest({ actor: thailand, id: plan.id }, deps()))!.withheld).toEqual(["budget"]);
  });

  it("leaves one Honduras request open for a visitor to pair with Thailand's offer, from proposal to revocation", async () => {
    const honduras = await actorOf(app.database, "honduras@example.org");
    const thailand = await actorOf(app.database, "thailand@example.org");
    const open = (
      await searchRequests(
        { actor: honduras, filter: parseRequestFilter(new URLSearchParams("country=HND")).filter },
        deps(),
      )
    ).items.find((i) => i.state === "open")!;
    const found = await getRequest({ actor: honduras, id: open.id }, deps());
    // Every restricted detail is filled in, so the consent screen shows a value for each.
    expect(found!.request).toMatchObject({ budgetCurrency: "USD", desiredStart: "2027-03-01" });
    expect(found!.request.counterparts.length).toBeGreaterThan(0);
    expect((await getRequest({ actor: thailand, id: open.id }, deps()))!.withheld).toHaveLength(3);
    const offers = await searchOffers(
      { actor: thailand, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
      deps(),
    );
    const plans = offers.items.find((o) => o.title === DEMO_OFFERS[2]!.title)!;
    const preview = await previewProposal({ actor: thailand, requestId: open.id, offerId: plans.id }, deps());
    expect(preview).toMatchObject({ party: "provider", refusal: null, liveMatchId: null });
  });

  it("runs once: a second run finds the content and writes nothing", async () => {
    expect(await seedDemoContent(deps())).toBe("already");
    const fiji = await actorOf(app.database, "fiji@example.org");
    const mine = await searchRequests(
      { actor: fiji, filter: parseRequestFilter(new URLSearchParams()).filter },
      deps(),
    );
    expect(mine.items.filter((i) => i.stateIso3 === "FJI")).toHaveLength(1);
  });
});
