import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../../platform/dates";
import { VISIBILITY_TIERS } from "../../../platform/visibility";
import { countFacets, type FacetValues, meetsFilter, parseRequestFilter } from "./filter";
import { ageBandOf, parseRequestForm, readiness } from "./request";
import { parseCriteria, parseScreening } from "./screening";
import { effectiveTier } from "./visibility";
import { REQUEST_STATES } from "./workflow";

const known = { themes: new Set(["uhri:women"]), sdgTargets: new Set(["5.2", "16.10"]) };

describe("reading a request form", () => {
  it("keeps a draft with only a title, defaulting to the secretariat tier", () => {
    const { value, problems } = parseRequestForm({ title: "  Prison reform  " }, known);
    expect(problems).toEqual({});
    expect(value).toMatchObject({
      title: "Prison reform",
      visibility: "secretariat",
      budgetMinor: null,
      anonymousCounting: false,
    });
  });

  it.each([
    [{ title: "" }, "title", "requests.error.titleRequired"],
    [{ title: "x".repeat(201) }, "title", "requests.error.titleLength"],
    [{ title: "t", themes: ["uhri:unknown"] }, "themes", "requests.error.themes"],
    [{ title: "t", sdgTargets: ["5.99"] }, "sdgTargets", "requests.error.sdgTargets"],
    [{ title: "t", supportKinds: ["cash"] }, "supportKinds", "requests.error.supportKinds"],
    [{ title: "t", providerTypes: ["state-mars"] }, "providerTypes", "requests.error.providerTypes"],
    [{ title: "t", workingLanguages: ["xx"] }, "workingLanguages", "requests.error.workingLanguages"],
    [{ title: "t", desiredStart: "2027-02-30" }, "desiredStart", "requests.error.desiredStart"],
    [{ title: "t", durationMonths: "0" }, "durationMonths", "requests.error.durationMonths"],
    [{ title: "t", durationMonths: "1.5" }, "durationMonths", "requests.error.durationMonths"],
    [{ title: "t", budgetAmount: "100" }, "budgetCurrency", "requests.error.budgetCurrency"],
    [{ title: "t", budgetCurrency: "USD" }, "budgetAmount", "requests.error.budgetAmountMissing"],
    [{ title: "t", budgetAmount: "1.234", budgetCurrency: "USD" }, "budgetAmount", "requests.error.budgetAmount"],
    [
      { title: "t", counterparts: Array.from({ length: 21 }, (_, i) => `Ministry ${i}`) },
      "counterparts",
      "requests.error.counterpartCount",
    ],
    [{ title: "t", visibility: "private" }, "visibility", "requests.error.visibility"],
    [{ title: "t", language: "klingon" }, "language", "requests.error.language"],
  ])("names the field: %o → %s", (form, field, key) => {
    const { value, problems } = parseRequestForm(form, known);
    expect(value).toBeNull();
    expect(problems[field]?.key).toBe(key);
  });

  it("reads amounts into minor units, lists without duplicates, and the counting consent", () => {
    const { value } = parseRequestForm(
      {
        title: "t",
        budgetAmount: "25,000.50",
        budgetCurrency: "usd",
        counterparts: "Ministry of Justice\nMinistry of Justice\n\nPrisons Service",
        themes: ["uhri:women", "uhri:women"],
        anonymousCounting: "on",
        durationMonths: 12,
      },
      known,
    );
    expect(value).toMatchObject({
      budgetMinor: 2_500_050,
      budgetCurrency: "USD",
      counterparts: ["Ministry of Justice", "Prisons Service"],
      themes: ["uhri:women"],
      anonymousCounting: true,
      durationMonths: 12,
    });
  });

  it("asks on submission for a summary, a kind of support and something it serves", () => {
    expect(Object.keys(readiness({ summary: " ", supportKinds: [], recommendationCount: 0, clusterCount: 0 }))).toEqual(
      ["summary", "supportKinds", "recommendations"],
    );
    expect(readiness({ summary: "s", supportKinds: ["training"], recommendationCount: 0, clusterCount: 1 })).toEqual(
      {},
    );
  });

  it("knows real calendar dates and age bands", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect([0, 29, 30, 90, 91].map(ageBandOf)).toEqual(["under-30", "under-30", "30-90", "30-90", "over-90"]);
  });
});

describe("the tier a request is shown under", () => {
  it("keeps a draft with its State, and a request under screening or withdrawn with the secretariat, whatever was chosen", () => {
    for (const chosen of VISIBILITY_TIERS) {
      expect(effectiveTier("draft", chosen, false)).toBe("private");
      // Withdrawn before it was ever submitted: it never left its State.
      expect(effectiveTier("withdrawn", chosen, false)).toBe("private");
      for (const state of ["submitted", "screening", "returned"] as const)
        expect(effectiveTier(state, chosen, true)).toBe("secretariat");
    }
  });

  it("applies the chosen tier once opened, never below the secretariat", () => {
    for (const state of REQUEST_STATES.filter(
      (s) => !["draft", "submitted", "screening", "returned", "withdrawn"].includes(s),
    )) {
      expect(effectiveTier(state, "public", true)).toBe("public");
      expect(effectiveTier(state, "providers", true)).toBe("providers");
      expect(effectiveTier(state, "private", true)).toBe("secretariat");
    }
  });
});

describe("screening", () => {
  const { items } = parseCriteria("First\n\n  Second  \n");
  it("reads a checklist one criterion a line, coded in order", () => {
    expect(items).toEqual([
      { code: "c1", text: "First" },
      { code: "c2", text: "Second" },
    ]);
    expect(parseCriteria(" \n ").problem?.key).toBe("screening.error.criteriaEmpty");
    expect(parseCriteria(`ok\n${"x".repeat(501)}`).problem).toEqual({
      key: "screening.error.criterionLength",
      values: { line: 2, max: 500 },
    });
  });

  it("needs every criterion answered, reasons to return, and a word when opening despite a failed criterion", () => {
    const criteria = items!;
    expect(Object.keys(parseScreening({ answers: { c1: "met" }, outcome: "open" }, criteria).problems)).toEqual([
      "answer-c2",
    ]);
    expect(
      parseScreening({ answers: { c1: "met", c2: "met" }, outcome: "return" }, criteria).problems.comment?.key,
    ).toBe("screening.error.reasonsRequired");
    expect(
      parseScreening({ answers: { c1: "met", c2: "not-met" }, outcome: "open" }, criteria).problems.comment?.key,
    ).toBe("screening.error.openDespiteRequired");
    expect(parseScreening({ answers: { c1: "met", c2: "unclear" }, outcome: "open" }, criteria).value).toEqual({
      answers: { c1: "met", c2: "unclear" },
      outcome: "open",
      comment: "",
    });
    expect(parseScreening({ answers: { c1: "yes", c2: "met" }, outcome: "maybe" }, criteria).problems).toMatchObject({
      "answer-c1": { key: "screening.error.answer" },
      outcome: { key: "screening.error.outcome" },
    });
  });
});

describe("the request list's filter and facets", () => {
  it("names each parameter it cannot read", () => {
    const { errors } = parseRequestFilter(new URLSearchParams("kind=cash&sdg=18&country=fiji&limit=500&state=lost"));
    expect(Object.keys(errors).sort()).toEqual(["country", "kind", "limit", "sdg", "state"]);
  });

  const row = (over: Partial<FacetValues>): FacetValues => ({
    state: ["open"],
    theme: [],
    sdg: [],
    kind: [],
    group: ["asia-pacific"],
    status: ["sids"],
    providerType: [],
    language: ["en"],
    age: ["under-30"],
    country: ["FJI"],
    ...over,
  });

  it("counts each value once per request and keeps only requests meeting every facet", () => {
    const rows = [
      row({ kind: ["training", "training"] }),
      row({ kind: ["training", "funding"], country: ["MHL"] }),
      row({ state: ["draft"], age: [] }),
    ];
    const facets = countFacets(rows);
    expect(facets.kind).toEqual([
      { value: "training", count: 2 },
      { value: "funding", count: 1 },
    ]);
    expect(facets.state).toEqual([
      { value: "open", count: 2 },
      { value: "draft", count: 1 },
    ]);
    const filter = parseRequestFilter(new URLSearchParams("kind=training&country=MHL")).filter;
    expect(rows.filter((r) => meetsFilter(r, filter))).toEqual([rows[1]]);
  });
});
