import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEligible } from "../../../platform/eligibility";
import { marketOffer, marketRequest, type OfferFacts, type RequestFacts } from "./market";
import { type ScoringContext, score } from "./score";
import { textStatistics, Vocabulary } from "./text";
import { DEFAULT_WEIGHTS, REASON_CODES, type Weights } from "./weights";

const context: ScoringContext = { weights: DEFAULT_WEIGHTS, today: "2026-03-01" };
const statistics = textStatistics([["prison"], ["reform"], ["school"]]);
const vocabulary = new Vocabulary();

const honduras: RequestFacts = {
  id: "r1",
  organisationId: "org-hnd",
  state: { iso3: "HND", regionalGroup: "latin-american-caribbean", statuses: [] },
  title: "Action plan on business and human rights",
  summary: "Drafting the national action plan with companies and unions",
  themes: ["uhri:business-and-human-rights"],
  sdgTargets: ["8.7"],
  supportKinds: ["expertise", "peer-exchange"],
  workingLanguages: ["es"],
  providerTypes: ["state-asia-pacific"],
  desiredStart: "2026-06-01",
  recommendationThemes: ["uhri:human-rights-policies"],
  recommendationSdgs: ["16", "16.b"],
};

const thailand: OfferFacts = {
  id: "o1",
  organisationId: "org-tha",
  status: "open",
  providerType: "state-asia-pacific",
  title: "Peer exchange on national action plans on business and human rights",
  description: "Thailand shares how it drafted its action plan",
  themes: ["uhri:business-and-human-rights", "uhri:human-rights-policies"],
  sdgTargets: ["8.7", "16.b"],
  supportKinds: ["peer-exchange"],
  workingLanguages: ["en", "es"],
  eligibility: { regionalGroups: [], statuses: [], namedStates: [] },
  capacity: 2,
  engagements: 0,
  validFrom: "2026-01-01",
  validUntil: "2027-12-31",
};

const scoreOf = (r: RequestFacts, o: OfferFacts, c = context) =>
  score(marketRequest(r, statistics, vocabulary), marketOffer(o, statistics, vocabulary), c);

describe("score(request, offer)", () => {
  it("tells a provider no reason resting on the State's restricted fields, nor its share of the score", () => {
    const r = marketRequest(honduras, statistics, vocabulary);
    const o = marketOffer(thailand, statistics, vocabulary);
    const forState = score(r, o, context);
    const forProvider = score(r, o, context, "provider");
    if (!forState.eligible || !forProvider.eligible) throw new Error("expected eligible");
    expect(forState.reasons.map((x) => x.code)).toContain("timing");
    expect(forProvider.reasons.map((x) => x.code)).toEqual(
      forState.reasons.map((x) => x.code).filter((code) => code !== "timing"),
    );
    expect(forProvider.total).toBeCloseTo(forState.total - DEFAULT_WEIGHTS.timing, 10);
    // Whether the desired start falls in the offer's window changes nothing a provider reads.
    const outside = score(
      marketRequest({ ...honduras, desiredStart: "2030-01-01" }, statistics, vocabulary),
      o,
      context,
      "provider",
    );
    expect(outside).toEqual(forProvider);
  });

  it("explains every reason it adds, with what the two sides share", () => {
    const result = scoreOf(honduras, thailand);
    if (!result.eligible) throw new Error("expected eligible");
    const byCode = Object.fromEntries(result.reasons.map((r) => [r.code, r]));
    expect(byCode.theme).toEqual({ code: "theme", contribution: 30, items: ["uhri:business-and-human-rights"] });
    expect(byCode["recommendation-theme"]?.items).toEqual(["uhri:human-rights-policies"]);
    expect(byCode["sdg-target"]).toEqual({ code: "sdg-target", contribution: 10, items: ["16.b", "8.7"] });
    expect(byCode["support-kind"]?.contribution).toBe(15);
    expect(byCode.language?.items).toEqual(["es"]);
    expect(byCode["provider-type"]?.items).toEqual(["state-asia-pacific"]);
    expect(byCode.timing?.contribution).toBe(4);
    expect(byCode.capacity?.contribution).toBe(3);
    expect(byCode.text?.contribution).toBeGreaterThan(0);
    expect(result.total).toBeCloseTo(
      result.reasons.reduce((sum, r) => sum + r.contribution, 0),
      10,
    );
    expect(result.sharesSubject).toBe(true);
  });

  it.each([
    ["a closed offer", { status: "closed" }, "offer-not-open"],
    ["a paused offer", { status: "paused" }, "offer-not-open"],
    ["an offer whose capacity is used", { capacity: 2, engagements: 2 }, "capacity-used"],
    ["the State's own offer", { organisationId: "org-hnd" }, "own-offer"],
    [
      "an offer for another group",
      { eligibility: { regionalGroups: ["african"], statuses: [], namedStates: [] } },
      "not-eligible",
    ],
    [
      "an offer for SIDS only",
      { eligibility: { regionalGroups: [], statuses: ["sids"], namedStates: [] } },
      "not-eligible",
    ],
    [
      "an offer naming other States",
      { eligibility: { regionalGroups: [], statuses: [], namedStates: ["FJI"] } },
      "not-eligible",
    ],
  ] as const)("refuses %s before any weight", (_, change, why) => {
    expect(scoreOf(honduras, { ...thailand, ...change })).toEqual({ eligible: false, why });
  });

  it.each([
    ["no shared theme", { themes: ["uhri:right-to-health"] }, "theme", undefined],
    ["no shared kind", { supportKinds: ["funding"] }, "support-kind", undefined],
    ["no shared language", { workingLanguages: ["fr"] }, "language", undefined],
    ["an offer ending before the start", { validUntil: "2026-05-31" }, "timing", undefined],
    ["half the capacity left", { engagements: 1 }, "capacity", 1.5],
  ] as const)("weighs %s", (_, change, code, contribution) => {
    const result = scoreOf(honduras, { ...thailand, ...change });
    if (!result.eligible) throw new Error("expected eligible");
    expect(result.reasons.find((r) => r.code === code)?.contribution).toBe(contribution);
  });

  it("weighs the share of the smaller list of themes that the other covers", () => {
    const result = scoreOf(
      { ...honduras, themes: ["uhri:business-and-human-rights", "uhri:right-to-health"] },
      { ...thailand, themes: ["uhri:business-and-human-rights", "uhri:right-to-education"] },
    );
    if (!result.eligible) throw new Error("expected eligible");
    expect(result.reasons.find((r) => r.code === "theme")?.contribution).toBe(15);
  });

  it("counts a theme of the same family when none is shared exactly", () => {
    const result = scoreOf(
      {
        ...honduras,
        themes: ["uhri:conditions-of-detention"],
        recommendationThemes: [],
        sdgTargets: [],
        recommendationSdgs: [],
      },
      { ...thailand, themes: ["upr-info:torture-and-other-cid-treatment"], sdgTargets: [] },
    );
    if (!result.eligible) throw new Error("expected eligible");
    expect(result.reasons.find((r) => r.code === "theme-family")).toEqual({
      code: "theme-family",
      contribution: 10,
      items: ["detention-torture"],
    });
    expect(result.reasons.find((r) => r.code === "theme")).toBeUndefined();
    expect(result.sharesSubject).toBe(true);
    // Only the reasons other than the exact subjects can add to it.
    const { theme, "recommendation-theme": recommendation, "sdg-target": target, ...others } = DEFAULT_WEIGHTS;
    expect(result.total).toBeLessThanOrEqual(Object.values(others).reduce((a, b) => a + b, 0));
  });
});

const THEMES = [
  "uhri:business-and-human-rights",
  "uhri:conditions-of-detention",
  "upr-info:detention",
  "uhri:right-to-health",
  "upr-info:general",
];
const facts = fc.record({
  requestThemes: fc.subarray(THEMES),
  offerThemes: fc.subarray(THEMES),
  kinds: fc.subarray(["expertise", "training", "peer-exchange"]),
  group: fc.constantFrom("african", "asia-pacific", "latin-american-caribbean"),
  statuses: fc.subarray(["ldc", "sids"]),
  eligibility: fc.record({
    regionalGroups: fc.subarray(["african", "asia-pacific", "latin-american-caribbean"]),
    statuses: fc.subarray(["ldc", "sids"]),
    namedStates: fc.subarray(["HND", "FJI"]),
  }),
  status: fc.constantFrom("open", "paused", "closed"),
  engagements: fc.integer({ min: 0, max: 2 }),
});
const weights = fc
  .tuple(...REASON_CODES.map(() => fc.integer({ min: 0, max: 100 })))
  .map((v) => Object.fromEntries(REASON_CODES.map((c, i) => [c, v[i]!])) as Weights);

describe("score properties", () => {
  it("never scores an offer the hard rules exclude", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = { ...honduras, state: { iso3: "HND", regionalGroup: f.group, statuses: f.statuses } };
        const o = { ...thailand, eligibility: f.eligibility, status: f.status, engagements: f.engagements };
        const result = scoreOf(r, o);
        const allowed = f.status === "open" && f.engagements < 2 && isEligible(f.eligibility, r.state);
        expect(result.eligible).toBe(allowed);
      }),
    );
  });

  it("never lowers a score when a theme becomes shared", () => {
    fc.assert(
      fc.property(facts, weights, fc.constantFrom(...THEMES), (f, w, theme) => {
        const r = { ...honduras, themes: f.requestThemes };
        const o = { ...thailand, themes: f.offerThemes };
        const c = { ...context, weights: w };
        const before = scoreOf(r, o, c);
        const after = scoreOf({ ...r, themes: [...r.themes, theme] }, { ...o, themes: [...o.themes, theme] }, c);
        if (!before.eligible || !after.eligible) throw new Error("expected eligible");
        expect(after.total).toBeGreaterThanOrEqual(before.total - 1e-9);
      }),
    );
  });

  it("is deterministic: the same pair scores the same, reasons in the same order", () => {
    fc.assert(
      fc.property(facts, weights, (f, w) => {
        const r = { ...honduras, themes: f.requestThemes, supportKinds: f.kinds };
        const o = { ...thailand, themes: f.offerThemes };
        const c = { ...context, weights: w };
        expect(scoreOf(r, o, c)).toEqual(scoreOf({ ...r }, { ...o }, c));
      }),
    );
  });
});
