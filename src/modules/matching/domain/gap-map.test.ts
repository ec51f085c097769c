import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StateProfile } from "../../../platform/eligibility";
import { type PublicCount, publicCount, SMALLEST_PUBLIC_COUNT } from "../../../platform/statistics";
import {
  ALL,
  buildGapMap,
  columnsOfOffer,
  columnsOfState,
  type GapCell,
  type GapMap,
  type GapMapInput,
  type GapOffer,
  type GapRequest,
  gapLevel,
  isOpenOffer,
  NONE,
  parseGapQuery,
  rowsOf,
  statesByColumn,
} from "./gap-map";

const GROUPS = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean", "western-european-other"];
const STATES: StateProfile[] = [
  { iso3: "FJI", regionalGroup: "asia-pacific", statuses: ["sids"] },
  { iso3: "BTN", regionalGroup: "asia-pacific", statuses: ["ldc", "lldc"] },
  { iso3: "THA", regionalGroup: "asia-pacific", statuses: [] },
  { iso3: "HND", regionalGroup: "latin-american-caribbean", statuses: [] },
  { iso3: "JAM", regionalGroup: "latin-american-caribbean", statuses: ["sids"] },
  { iso3: "SYC", regionalGroup: "african", statuses: ["sids"] },
  { iso3: "MLI", regionalGroup: "african", statuses: ["ldc", "lldc"] },
  { iso3: "POL", regionalGroup: "eastern-european", statuses: [] },
  { iso3: "NOR", regionalGroup: "western-european-other", statuses: [] },
  { iso3: "PSE", regionalGroup: null, statuses: [] },
];
const NHRI = "uhri:national-human-rights-institution-nhri";
const DETENTION = "uhri:conditions-of-detention";
const GENERAL = "upr-info:general";
const TODAY = "2026-03-01";

const request = (over: Partial<GapRequest> = {}): GapRequest => ({
  stateIso3: "FJI",
  themes: [NHRI],
  sdgTargets: ["16.a"],
  waitingDays: 10,
  publiclyCountable: true,
  ...over,
});
const offer = (over: Partial<GapOffer> = {}): GapOffer => ({
  status: "open",
  visibility: "public",
  themes: [NHRI],
  sdgTargets: ["16.a"],
  eligibility: { regionalGroups: [], statuses: [], namedStates: [] },
  capacity: 2,
  engagements: 0,
  validUntil: null,
  ...over,
});
const map = (over: Partial<GapMapInput>): GapMap =>
  buildGapMap({
    dimension: "theme",
    audience: "full",
    requests: [],
    offers: [],
    states: STATES,
    groups: GROUPS,
    today: TODAY,
    ...over,
  });
const cell = (m: GapMap, row: string, column: string): GapCell =>
  (row === ALL ? m.total : m.rows.find((r) => r.key === row)!).cells[column]!;
const exact = (n: number) => ({ exact: n });
const FEWER = { fewerThan: SMALLEST_PUBLIC_COUNT };

describe("parseGapQuery", () => {
  it.each([
    [null, "theme", {}],
    ["", "theme", {}],
    ["sdg", "sdg", {}],
    [" theme ", "theme", {}],
    ["region", "theme", { by: "gaps.error.by" }],
  ])("by=%s gives %s", (by, dimension, errors) => {
    const params = new URLSearchParams(by === null ? "" : `by=${encodeURIComponent(by)}`);
    expect(parseGapQuery(params)).toEqual({ dimension, errors });
  });
});

describe("rows and columns", () => {
  it.each([
    [
      "theme",
      [NHRI, "upr-info:national-human-rights-institution", DETENTION],
      [],
      ["institutions-law", "detention-torture"],
    ],
    ["theme", [GENERAL], ["5.2"], [NONE]],
    ["theme", [], [], [NONE]],
    ["sdg", [], ["16.a", "16.3", "5.2", "5"], ["16", "5"]],
    ["sdg", [NHRI], ["99.1"], [NONE]],
  ] as const)("%s rows of themes %j and targets %j: %j", (dimension, themes, sdgTargets, rows) => {
    expect(rowsOf(dimension, { themes, sdgTargets })).toEqual(rows);
  });

  it.each([
    ["FJI", ["asia-pacific", "sids", ALL]],
    ["BTN", ["asia-pacific", "ldc", ALL]],
    ["HND", ["latin-american-caribbean", ALL]],
    ["PSE", [ALL]],
    ["XXX", [ALL]],
  ])("a request from %s counts in %j", (iso3, columns) => {
    expect(
      columnsOfState(
        STATES.find((s) => s.iso3 === iso3),
        GROUPS,
      ),
    ).toEqual(columns);
  });

  const byColumn = statesByColumn(STATES, GROUPS);
  it.each([
    ["no limit", { regionalGroups: [], statuses: [], namedStates: [] }, [...GROUPS, "ldc", "sids", ALL]],
    [
      "SIDS only",
      { regionalGroups: [], statuses: ["sids"], namedStates: [] },
      ["african", "asia-pacific", "latin-american-caribbean", "sids", ALL],
    ],
    ["LLDC only", { regionalGroups: [], statuses: ["lldc"], namedStates: [] }, ["african", "asia-pacific", "ldc", ALL]],
    [
      "the African Group",
      { regionalGroups: ["african"], statuses: [], namedStates: [] },
      ["african", "ldc", "sids", ALL],
    ],
    [
      "SIDS of Asia-Pacific",
      { regionalGroups: ["asia-pacific"], statuses: ["sids"], namedStates: [] },
      ["asia-pacific", "sids", ALL],
    ],
    ["Honduras by name", { regionalGroups: [], statuses: [], namedStates: ["HND"] }, ["latin-american-caribbean", ALL]],
    ["Palestine by name", { regionalGroups: [], statuses: [], namedStates: ["PSE"] }, [ALL]],
    ["an unknown State", { regionalGroups: [], statuses: [], namedStates: ["XXX"] }, []],
  ])("an offer for %s is supply in %j", (_, eligibility, columns) => {
    expect(columnsOfOffer(eligibility, byColumn)).toEqual(columns);
  });

  it.each([
    [offer(), true],
    [offer({ status: "paused" }), false],
    [offer({ status: "closed" }), false],
    [offer({ engagements: 2 }), false],
    [offer({ validUntil: "2026-02-28" }), false],
    [offer({ validUntil: TODAY }), true],
  ])("open supply: %j → %s", (o, open) => {
    expect(isOpenOffer(o, TODAY)).toBe(open);
  });
});

describe("gapLevel", () => {
  it.each([
    [exact(0), exact(0), "no-demand"],
    [exact(0), exact(4), "no-demand"],
    [exact(4), exact(0), "unmet"],
    [FEWER, exact(0), "unmet"],
    [exact(4), exact(4), "covered"],
    [exact(4), exact(9), "covered"],
    [exact(5), exact(4), "short"],
    [FEWER, exact(3), "covered"],
    [exact(3), FEWER, "short"],
    [FEWER, FEWER, "unclear"],
  ] as [PublicCount, PublicCount, string][])("requests %j, offers %j: %s", (requests, offers, level) => {
    expect(gapLevel(requests, offers)).toBe(level);
  });

  it("never claims what the counts behind the figures could contradict", () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), (r, o) => {
        const level = gapLevel(publicCount(r), publicCount(o));
        if (level === "no-demand") expect(r).toBe(0);
        if (level === "unmet") expect(r > 0 && o === 0).toBe(true);
        if (level === "covered") expect(r > 0 && o >= r).toBe(true);
        if (level === "short") expect(o > 0 && o < r).toBe(true);
      }),
    );
  });
});

describe("buildGapMap", () => {
  it("counts each record once per row and column it belongs to, and once in the totals", () => {
    const m = map({
      requests: [
        request({ themes: [NHRI, DETENTION], waitingDays: 120 }),
        request({ stateIso3: "BTN", waitingDays: 91 }),
        request({ stateIso3: "HND", themes: [GENERAL], waitingDays: 90 }),
        request({ stateIso3: "PSE", waitingDays: null }),
      ],
      offers: [
        offer(),
        offer({ eligibility: { regionalGroups: [], statuses: ["sids"], namedStates: [] }, themes: [DETENTION] }),
        offer({ status: "closed" }),
      ],
    });
    expect(m.columns).toEqual([...GROUPS, "ldc", "sids", ALL]);
    expect(m.rows.map((r) => r.key).at(-1)).toBe(NONE);
    expect(m.rows).toHaveLength(16);
    expect(cell(m, "institutions-law", "asia-pacific")).toEqual({
      requests: exact(2),
      offers: exact(1),
      unanswered: exact(2),
      level: "short",
    });
    expect(cell(m, "institutions-law", "sids")).toMatchObject({ requests: exact(1), offers: exact(1) });
    expect(cell(m, "institutions-law", "ldc")).toMatchObject({ requests: exact(1), unanswered: exact(1) });
    // Palestine belongs to no group: counted under all States alone.
    expect(cell(m, "institutions-law", ALL)).toMatchObject({ requests: exact(3), offers: exact(1) });
    expect(cell(m, "detention-torture", "asia-pacific")).toMatchObject({ requests: exact(1), offers: exact(1) });
    expect(cell(m, "detention-torture", "eastern-european")).toEqual({
      requests: exact(0),
      offers: exact(0),
      unanswered: exact(0),
      level: "no-demand",
    });
    // Ninety days exactly is not yet "more than 90 days".
    expect(cell(m, NONE, "latin-american-caribbean")).toMatchObject({
      requests: exact(1),
      offers: exact(0),
      unanswered: exact(0),
      level: "unmet",
    });
    // The Fiji request on two families counts once in the total.
    expect(cell(m, ALL, ALL)).toMatchObject({ requests: exact(4), offers: exact(2), unanswered: exact(2) });
    expect(cell(m, ALL, "sids")).toMatchObject({ requests: exact(1), offers: exact(2) });
  });

  it("rows by SDG goal", () => {
    const m = map({
      dimension: "sdg",
      requests: [request({ sdgTargets: ["16.a", "5.2"] }), request({ sdgTargets: [] })],
      offers: [offer({ sdgTargets: ["16.3"] })],
    });
    expect(m.rows.map((r) => r.key)).toEqual([...Array.from({ length: 17 }, (_, i) => String(i + 1)), NONE]);
    expect(cell(m, "16", "asia-pacific")).toMatchObject({ requests: exact(1), offers: exact(1), level: "covered" });
    expect(cell(m, "5", "asia-pacific")).toMatchObject({ requests: exact(1), offers: exact(0), level: "unmet" });
    expect(cell(m, NONE, "sids")).toMatchObject({ requests: exact(1) });
  });

  it("publicly, counts only what may be counted, and shows 1 and 2 as fewer than 3", () => {
    const input = {
      audience: "public" as const,
      requests: [
        request(),
        request({ publiclyCountable: false }),
        request({ stateIso3: "BTN" }),
        request({ stateIso3: "THA" }),
        request({ stateIso3: "THA", publiclyCountable: false }),
      ],
      offers: [offer(), offer({ visibility: "providers" }), offer({ visibility: "secretariat" })],
    };
    const m = map(input);
    expect(cell(m, "institutions-law", "asia-pacific")).toEqual({
      requests: exact(3),
      offers: FEWER,
      unanswered: exact(0),
      level: "short",
    });
    expect(cell(m, "institutions-law", "sids")).toEqual({
      requests: FEWER,
      offers: FEWER,
      unanswered: exact(0),
      level: "unclear",
    });
    const full = map({ ...input, audience: "full" });
    expect(cell(full, "institutions-law", "asia-pacific")).toMatchObject({ requests: exact(5), offers: exact(3) });
  });

  const arbitraryRequest = fc.record<GapRequest>({
    stateIso3: fc.constantFrom(...STATES.map((s) => s.iso3), "XXX"),
    themes: fc.subarray([NHRI, DETENTION, GENERAL, "upr-info:womens-rights"]),
    sdgTargets: fc.subarray(["16.a", "5.2", "1.1", "17"]),
    waitingDays: fc.option(fc.nat(200)),
    publiclyCountable: fc.boolean(),
  });
  const arbitraryOffer = fc.record<GapOffer>({
    status: fc.constantFrom("open", "paused", "closed"),
    visibility: fc.constantFrom("private", "secretariat", "providers", "public"),
    themes: fc.subarray([NHRI, DETENTION, GENERAL, "upr-info:womens-rights"]),
    sdgTargets: fc.subarray(["16.a", "5.2", "1.1", "17"]),
    eligibility: fc.record({
      regionalGroups: fc.subarray(GROUPS),
      statuses: fc.subarray(["ldc", "lldc", "sids"]),
      namedStates: fc.subarray(["FJI", "HND", "PSE", "XXX"]),
    }),
    capacity: fc.constant(3),
    engagements: fc.nat(3),
    validUntil: fc.constantFrom(null, "2026-01-01", "2027-01-01"),
  });
  const figures = (m: GapMap) => [...m.rows, m.total].flatMap((row) => Object.values(row.cells));

  it("never lets a record public figures may not count change a public figure or colour", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRequest, { maxLength: 30 }),
        fc.array(arbitraryOffer, { maxLength: 15 }),
        fc.constantFrom("theme" as const, "sdg" as const),
        (requests, offers, dimension) => {
          const shown = map({ audience: "public", dimension, requests, offers });
          const countable = map({
            audience: "public",
            dimension,
            requests: requests.filter((r) => r.publiclyCountable),
            offers: offers.filter((o) => o.visibility === "public"),
          });
          expect(shown).toEqual(countable);
        },
      ),
    );
  });

  it("shows no public count of 1 or 2, and the exact figure of every other", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRequest, { maxLength: 30 }),
        fc.array(arbitraryOffer, { maxLength: 15 }),
        (requests, offers) => {
          const shown = figures(map({ audience: "public", requests, offers }));
          const exactOnly = figures(
            map({
              audience: "full",
              requests: requests.filter((r) => r.publiclyCountable),
              offers: offers.filter((o) => o.visibility === "public"),
            }),
          );
          shown.forEach((c, i) => {
            for (const measure of ["requests", "offers", "unanswered"] as const) {
              const count = c[measure];
              const truth = (exactOnly[i]![measure] as { exact: number }).exact;
              expect(count).toEqual(publicCount(truth));
              if ("exact" in count) expect(count.exact === 0 || count.exact >= SMALLEST_PUBLIC_COUNT).toBe(true);
            }
          });
        },
      ),
    );
  });

  it("counts every open record exactly for the full picture", () => {
    fc.assert(
      fc.property(fc.array(arbitraryRequest, { maxLength: 30 }), (requests) => {
        const m = map({ audience: "full", requests });
        expect(cell(m, ALL, ALL).requests).toEqual(exact(requests.length));
        expect(cell(m, ALL, ALL).unanswered).toEqual(
          exact(requests.filter((r) => r.waitingDays !== null && r.waitingDays > 90).length),
        );
      }),
    );
  });
});
