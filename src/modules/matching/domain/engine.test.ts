import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForceSuggestions, SuggestionEngine } from "./engine";
import { marketOffer, marketRequest, type OfferFacts, type RequestFacts } from "./market";
import type { ScoringContext } from "./score";
import { textStatistics, Vocabulary } from "./text";
import { DEFAULT_WEIGHTS, REASON_CODES } from "./weights";

// A small world, so that pairs often share themes, families and targets and lists often tie.
const THEMES = [
  "uhri:conditions-of-detention",
  "upr-info:detention",
  "uhri:prohibition-of-torture-and-cruel-inhuman-or-degrading-treatment",
  "uhri:right-to-education",
  "upr-info:right-to-health",
  "uhri:national-human-rights-institution-nhri",
  "upr-info:general",
];
const TARGETS = ["16.3", "16.a", "4.1", "5.2"];
const KINDS = ["expertise", "training", "funding"];
const LANGUAGES = ["en", "fr", "es"];
const WORDS = ["prison", "reform", "training", "police", "school", "health", "institution", "law", "data"];
const STATES = [
  { iso3: "FJI", regionalGroup: "asia-pacific", statuses: ["sids"] },
  { iso3: "HND", regionalGroup: "latin-american-caribbean", statuses: [] },
  { iso3: "BTN", regionalGroup: "asia-pacific", statuses: ["ldc", "lldc"] },
  // Fiji's group and statuses: an offer that names Fiji covers it, and the Marshall Islands only
  // by group or status.
  { iso3: "MHL", regionalGroup: "asia-pacific", statuses: ["sids"] },
];

const subset = <T>(items: readonly T[], max = items.length) => fc.subarray([...items], { maxLength: max });
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(" "));
const date = fc.constantFrom(null, "2026-01-01", "2026-06-01", "2027-01-01");

const requestFacts = (id: string): fc.Arbitrary<RequestFacts> =>
  fc.record({
    id: fc.constant(id),
    organisationId: fc.constantFrom("org-fji", "org-hnd", "org-btn", "org-mhl"),
    state: fc.constantFrom(...STATES),
    title: text,
    summary: text,
    themes: subset(THEMES, 3),
    sdgTargets: subset(TARGETS, 2),
    supportKinds: subset(KINDS),
    workingLanguages: subset(LANGUAGES),
    providerTypes: subset(["un-entity", "state-asia-pacific", "ngo"]),
    desiredStart: date,
    recommendationThemes: subset(THEMES, 2),
    recommendationSdgs: subset([...TARGETS, "16"], 2),
  });

const offerFacts = (id: string): fc.Arbitrary<OfferFacts> =>
  fc
    .record({
      id: fc.constant(id),
      organisationId: fc.constantFrom("org-tha", "org-nor", "org-fji", "org-ohchr"),
      status: fc.constantFrom("open", "open", "open", "paused", "closed"),
      providerType: fc.constantFrom(null, "un-entity", "state-asia-pacific", "ngo"),
      title: text,
      description: text,
      themes: subset(THEMES, 3),
      sdgTargets: subset(TARGETS, 2),
      supportKinds: subset(KINDS),
      workingLanguages: subset(LANGUAGES),
      eligibility: fc.record({
        regionalGroups: subset(["asia-pacific", "latin-american-caribbean"], 1),
        statuses: subset(["sids", "ldc"], 1),
        namedStates: subset(["HND", "FJI"], 1),
      }),
      capacity: fc.integer({ min: 1, max: 3 }),
      engagements: fc.integer({ min: 0, max: 3 }),
      validFrom: date,
      validUntil: date,
    })
    .map((o) => ({ ...o, engagements: Math.min(o.engagements, o.capacity) }));

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
const market = (requests: number, offers: number) =>
  fc.record({
    requests: fc.tuple(...ids("r", requests).map(requestFacts)),
    offers: fc.tuple(...ids("o", offers).map(offerFacts)),
  });

// Weights are often 0, so that pairs often score their bound exactly: the engine skips a pair only
// when ten others beat what it could score at most, and ties at that edge are where an error would hide.
const weights = fc
  .tuple(...REASON_CODES.map(() => fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }))))
  .map((values) => Object.fromEntries(REASON_CODES.map((c, i) => [c, values[i]!])) as typeof DEFAULT_WEIGHTS);

// Every reason but text weighs, a little: the engine bounds each of them exactly (only text is taken
// at its full weight), so every pair scores exactly its bound, a list's tenth score often equals a
// skipped pair's bound, and ties are broken by id. A bound short of any reason shows here.
const edgeWeights = fc
  .tuple(...REASON_CODES.map((code) => fc.integer({ min: code === "theme" ? 1 : 0, max: code === "text" ? 0 : 3 })))
  .map((values) => Object.fromEntries(REASON_CODES.map((c, i) => [c, values[i]!])) as typeof DEFAULT_WEIGHTS);

function prepare(requests: readonly RequestFacts[], offers: readonly OfferFacts[]) {
  const statistics = textStatistics([
    ...requests.map((r) => `${r.title} ${r.summary}`.split(" ")),
    ...offers.map((o) => `${o.title} ${o.description}`.split(" ")),
  ]);
  const vocabulary = new Vocabulary();
  return {
    requests: requests.map((r) => marketRequest(r, statistics, vocabulary)),
    offers: offers.map((o) => marketOffer(o, statistics, vocabulary)),
    statistics,
    vocabulary,
  };
}

function listsOf(engine: SuggestionEngine) {
  return {
    requests: new Map(engine.requestIds().map((id) => [id, engine.offersFor(id)])),
    offers: new Map(engine.offerIds().map((id) => [id, engine.requestsFor(id)])),
  };
}

const sortedMap = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** The engine's lists of a market are brute force's, to the last place and score. */
function expectBruteForceLists(p: ReturnType<typeof prepare>, context: ScoringContext) {
  const lists = listsOf(new SuggestionEngine(context, p.requests, p.offers));
  const brute = bruteForceSuggestions(p.requests, p.offers, context);
  expect(sortedMap(lists.requests)).toEqual(sortedMap(brute.requests));
  expect(sortedMap(lists.offers)).toEqual(sortedMap(brute.offers));
}

describe("the suggestion engine", () => {
  it("gives exactly the lists that scoring every pair gives, whatever the weights", () => {
    fc.assert(
      fc.property(market(40, 40), weights, (m, w) => {
        const p = prepare(m.requests, m.offers);
        expectBruteForceLists(p, { weights: w, today: "2026-03-01" });
      }),
      { numRuns: 60 },
    );
  });

  it("is exact at the edge: when only what bounds are made of weighs, pairs score their bound and tie", () => {
    fc.assert(
      fc.property(market(60, 60), edgeWeights, (m, w) => {
        const p = prepare(m.requests, m.offers);
        expectBruteForceLists(p, { weights: w, today: "2026-03-01" });
      }),
      { numRuns: 80 },
    );
  });

  it("stays exact with more kinds and languages than its bit sets have bits", () => {
    // Past the 30th, items share one last bit, where bit sets cannot count them: bounds take such a
    // pair to share all it can, and scoring measures it item by item (`measure` in score.ts).
    const many = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}-${i}`);
    const wide = fc.record({
      kinds: fc.array(subset(many("kind"), 12), { minLength: 80, maxLength: 80 }),
      languages: fc.array(subset(many("language"), 12), { minLength: 80, maxLength: 80 }),
    });
    fc.assert(
      fc.property(market(40, 40), wide, fc.oneof(edgeWeights, weights), (m, items, w) => {
        const p = prepare(
          m.requests.map((r, i) => ({ ...r, supportKinds: items.kinds[i]!, workingLanguages: items.languages[i]! })),
          m.offers.map((o, i) => ({
            ...o,
            supportKinds: items.kinds[40 + i]!,
            workingLanguages: items.languages[40 + i]!,
          })),
        );
        expectBruteForceLists(p, { weights: w, today: "2026-03-01" });
      }),
      { numRuns: 40 },
    );
  });

  it("finds pairs that share many items past the last bit, where kinds weigh most", () => {
    // Seventy kinds, each list holding about a third: most shared kinds sit past the 30th bit, and
    // the lists are decided by how many a pair shares.
    let seed = 20261124;
    const next = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const kinds = Array.from({ length: 70 }, (_, i) => `kind-${i}`);
    const some = () => kinds.filter(() => next() < 0.3);
    const state = { iso3: "FJI", regionalGroup: "asia-pacific", statuses: [] };
    const requests: RequestFacts[] = ids("r", 40).map((id) => ({
      id,
      organisationId: "org-fji",
      state,
      title: "",
      summary: "",
      themes: [THEMES[0]!],
      sdgTargets: [],
      supportKinds: some(),
      workingLanguages: [],
      providerTypes: [],
      desiredStart: null,
      recommendationThemes: [],
      recommendationSdgs: [],
    }));
    const offers: OfferFacts[] = ids("o", 40).map((id) => ({
      id,
      organisationId: "org-nor",
      status: "open",
      providerType: null,
      title: "",
      description: "",
      themes: [THEMES[0]!],
      sdgTargets: [],
      supportKinds: some(),
      workingLanguages: [],
      eligibility: { regionalGroups: [], statuses: [], namedStates: [] },
      capacity: 1,
      engagements: 0,
      validFrom: null,
      validUntil: null,
    }));
    const weights = { ...Object.fromEntries(REASON_CODES.map((code) => [code, 0])), theme: 1, "support-kind": 30 };
    expectBruteForceLists(prepare(requests, offers), {
      weights: weights as typeof DEFAULT_WEIGHTS,
      today: "2026-03-01",
    });
  });

  it("ranks an offer's requests without what the States have not shared (their desired start)", () => {
    fc.assert(
      fc.property(market(30, 30), fc.array(date, { minLength: 30, maxLength: 30 }), (m, starts) => {
        const context: ScoringContext = { weights: DEFAULT_WEIGHTS, today: "2026-03-01" };
        const p = prepare(m.requests, m.offers);
        const moved = prepare(
          m.requests.map((r, i) => ({ ...r, desiredStart: starts[i]! })),
          m.offers,
        );
        const before = listsOf(new SuggestionEngine(context, p.requests, p.offers));
        const after = listsOf(new SuggestionEngine(context, moved.requests, moved.offers));
        expect(sortedMap(after.offers)).toEqual(sortedMap(before.offers));
      }),
      { numRuns: 40 },
    );
  });

  it("stays exact through any sequence of new, changed and removed requests and offers", () => {
    const weightsForChanges = fc.oneof(fc.constant(DEFAULT_WEIGHTS), edgeWeights);
    const change = fc.oneof(
      fc.record({ kind: fc.constant("request" as const), at: fc.nat(50), facts: requestFacts("x") }),
      fc.record({ kind: fc.constant("offer" as const), at: fc.nat(50), facts: offerFacts("x") }),
      fc.record({ kind: fc.constant("remove-request" as const), at: fc.nat(50) }),
      fc.record({ kind: fc.constant("remove-offer" as const), at: fc.nat(50) }),
    );
    fc.assert(
      fc.property(market(40, 40), fc.array(change, { maxLength: 16 }), weightsForChanges, (m, changes, w) => {
        const context: ScoringContext = { weights: w, today: "2026-03-01" };
        const p = prepare(m.requests, m.offers);
        const engine = new SuggestionEngine(context, p.requests, p.offers);
        const requests = new Map(p.requests.map((r) => [r.id, r]));
        const offers = new Map(p.offers.map((o) => [o.id, o]));
        for (const c of changes) {
          // Ids reuse a small range, so a change may hit an existing record or bring a new one.
          if (c.kind === "request") {
            const r = marketRequest({ ...c.facts, id: `r-${c.at}` }, p.statistics, p.vocabulary);
            requests.set(r.id, r);
            engine.upsertRequest(r);
          } else if (c.kind === "offer") {
            const o = marketOffer({ ...c.facts, id: `o-${c.at}` }, p.statistics, p.vocabulary);
            offers.set(o.id, o);
            engine.upsertOffer(o);
          } else if (c.kind === "remove-request") {
            const id = [...requests.keys()].sort()[c.at % Math.max(1, requests.size)];
            if (id) {
              requests.delete(id);
              engine.removeRequest(id);
            }
          } else {
            const id = [...offers.keys()].sort()[c.at % Math.max(1, offers.size)];
            if (id) {
              offers.delete(id);
              engine.removeOffer(id);
            }
          }
        }
        const brute = bruteForceSuggestions([...requests.values()], [...offers.values()], context);
        const lists = listsOf(engine);
        expect(sortedMap(lists.requests)).toEqual(sortedMap(brute.requests));
        expect(sortedMap(lists.offers)).toEqual(sortedMap(brute.offers));
      }),
      { numRuns: 60 },
    );
  });

  it("reports which lists moved, and a removed request's list as gone", () => {
    const context: ScoringContext = { weights: DEFAULT_WEIGHTS, today: "2026-03-01" };
    const facts = fc.sample(market(3, 3), { numRuns: 1, seed: 7 })[0]!;
    const p = prepare(
      facts.requests.map((r) => ({ ...r, themes: [THEMES[0]!] })),
      facts.offers.map((o) => ({
        ...o,
        themes: [THEMES[0]!],
        status: "open",
        engagements: 0,
        eligibility: { regionalGroups: [], statuses: [], namedStates: [] },
        organisationId: "org-tha",
      })),
    );
    const engine = new SuggestionEngine(context, p.requests, p.offers);
    engine.takeChanges();
    engine.removeRequest("r-000");
    const changes = engine.takeChanges();
    expect(changes.requests).toEqual(["r-000"]);
    expect(changes.offers.sort()).toEqual(["o-000", "o-001", "o-002"]);
    expect(engine.offersFor("r-000")).toEqual([]);
    for (const id of ["o-000", "o-001", "o-002"])
      expect(engine.requestsFor(id).map((s) => s.id)).not.toContain("r-000");
  });
});
