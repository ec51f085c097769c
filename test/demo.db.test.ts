import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OFFERS, DEMO_REQUESTS, seedDemoContent } from "../src/modules/demo";
import { searchOffers } from "../src/modules/offers";
import { parseOfferQuery } from "../src/modules/offers/domain/query";
import { recommendations } from "../src/modules/recommendations/schema";
import { getRequest, searchRequests } from "../src/modules/requests";
import { parseRequestFilter } from "../src/modules/requests/domain/filter";
import { ANONYMOUS } from "../src/platform/actor";
import { createLogger } from "../src/platform/logger";
import { actorOf } from "./support/actors";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, logger: createLogger("silent") });

/** A few recommendations each pilot State received, worded as the real ones are (the search must find them). */
const TEXTS: Record<string, string[]> = {
  BTN: ["Continue efforts on gender mainstreaming in all sectors", "Submit its overdue reports to the treaty bodies"],
  MDV: [
    "Improve prison conditions in line with international standards",
    "Strengthen the Human Rights Commission in line with the Paris Principles",
  ],
  HND: ["Adopt a national action plan on business and human rights"],
  FJI: ["Fulfil its reporting obligations to the treaty bodies"],
  MHL: ["Seek technical assistance to meet its reporting obligations"],
  SYC: ["Establish a national human rights institution in accordance with the Paris Principles"],
  NOR: ["Unrelated: a recommendation to a provider State"],
};

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  let n = 0;
  await app.database.db.insert(recommendations).values(
    Object.entries(TEXTS).flatMap(([state, texts]) =>
      texts.map((text) => ({
        key: `demo-${state}-${++n}`,
        kind: "recommendation",
        mechanism: "upr",
        cycle: 2,
        session: 20,
        year: 2014,
        stateUnderReview: state,
        recommendingStates: ["NOR"],
        text,
        source: "test",
        contentHash: String(n),
      })),
    ),
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
    expect(listed.items.every((i) => i.state === "open")).toBe(true);
    for (const item of listed.items) {
      const found = await getRequest({ actor: ANONYMOUS, id: item.id }, deps());
      expect(found!.recommendations.length).toBeGreaterThan(0);
      expect(found!.recommendations.every((r) => r.stateUnderReview === item.stateIso3)).toBe(true);
    }
    // The Honduras request is in Spanish, as the State wrote it.
    expect(listed.items.find((i) => i.stateIso3 === "HND")?.language).toBe("es");
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
