import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StateProfile } from "../../../platform/eligibility";
import { publicCount, SMALLEST_PUBLIC_COUNT } from "../../../platform/statistics";
import {
  ALL,
  buildGapMap,
  columnsOfOffer,
  columnsOfState,
  type GapCell,
  type GapCount,
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
  withholdComplements,
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
const WITHHELD = { withheld: "complementary" as const };

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
    [exact(0), WITHHELD, "no-demand"],
    [WITHHELD, exact(0), "unmet"],
    [WITHHELD, FEWER, "short"],
    [FEWER, WITHHELD, "covered"],
    [WITHHELD, exact(4), "unclear"],
    [exact(4), WITHHELD, "unclear"],
    [WITHHELD, WITHHELD, "unclear"],
  ] as [GapCount, GapCount, string][])("requests %j, offers %j: %s", (requests, offers, level) => {
    expect(gapLevel(requests, offers)).toBe(level);
  });

  it("never claims what the counts behind the figures could contradict", () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.boolean(), fc.boolean(), (r, o, hideR, hideO) => {
        // Only a count of 3 or more is ever withheld.
        const shown = (n: number, hide: boolean): GapCount => (hide && n >= 3 ? WITHHELD : publicCount(n));
        const level = gapLevel(shown(r, hideR), shown(o, hideO));
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
              if ("withheld" in count) expect(truth).toBeGreaterThanOrEqual(SMALLEST_PUBLIC_COUNT);
              else expect(count).toEqual(publicCount(truth));
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

describe("withholdComplements", () => {
  const table = (rows: number[][]) =>
    new Map<string, number>(rows.flatMap((row, r) => row.map((n, c) => [`${r},${c}`, n] as const)));
  // The body's rows and columns, each with its total as the last cell.
  const linesOf = (height: number, width: number) => [
    ...Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => `${r},${c}`)),
    ...Array.from({ length: width }, (_, c) => Array.from({ length: height }, (_, r) => `${r},${c}`)),
  ];
  const hiddenIn = (values: Map<string, number>, withheld: Set<string>) => (cell: string) =>
    withheld.has(cell) || (values.get(cell)! > 0 && values.get(cell)! < SMALLEST_PUBLIC_COUNT);

  it.each([
    [
      "nothing small, nothing withheld",
      [
        [5, 4, 9],
        [3, 0, 3],
        [8, 4, 12],
      ],
      [],
    ],
    // The 1 is alone in its row and column: the smallest other of each is withheld, then the
    // corner that closes the rectangle, since 0,1 and 2,1 are now alone in theirs.
    [
      "a small cell alone",
      [
        [1, 4, 5],
        [3, 6, 9],
        [4, 10, 14],
      ],
      ["0,1", "1,0", "1,1"],
    ],
    // Two small cells in a row and a column already hide each other.
    [
      "small cells that cover each other",
      [
        [1, 2, 3],
        [2, 1, 3],
        [3, 3, 6],
      ],
      [],
    ],
    // A zero is never withheld: it would leave the other hidden cell's value to the line's sum.
    [
      "zeros are passed over",
      [
        [1, 0, 5, 6],
        [0, 4, 3, 7],
        [1, 4, 8, 13],
      ],
      ["0,2", "1,2", "1,1", "2,1"],
    ],
    // Ties go to the first in the line.
    [
      "ties",
      [
        [1, 3, 3, 7],
        [4, 3, 3, 10],
        [5, 6, 6, 17],
      ],
      ["0,1", "1,0", "1,1"],
    ],
  ])("%s", (_, rows, expected) => {
    const values = table(rows);
    expect([...withholdComplements(values, linesOf(rows.length, rows[0]!.length))].sort()).toEqual(
      [...expected].sort(),
    );
  });

  it("prefers the cells the caller ranks as cheaper to lose", () => {
    const values = table([
      [1, 3, 9, 13],
      [4, 5, 6, 15],
      [5, 8, 15, 28],
    ]);
    const lines = linesOf(3, 4);
    // Unranked, the 3 beside the 1 goes; ranking the second column dear, the 9 goes instead.
    expect(withholdComplements(values, lines).has("0,1")).toBe(true);
    const ranked = withholdComplements(values, lines, (cell) => (cell.endsWith(",1") ? 1 : 0));
    expect(ranked.has("0,1")).toBe(false);
    expect(ranked.has("0,2")).toBe(true);
  });

  it("leaves no line with exactly one hidden cell, withholds only counts of 3 or more, and is stable", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(8), { minLength: 36, maxLength: 36 }),
        (height, width, numbers) => {
          // A body of the given size, with the totals of its rows and columns around it.
          const body = Array.from({ length: height }, (_, r) => numbers.slice(r * 6, r * 6 + width));
          const rows = [
            ...body.map((row) => [...row, row.reduce((a, b) => a + b, 0)]),
            Array.from({ length: width + 1 }, (_, c) => body.reduce((sum, row) => sum + (row[c] ?? sum), 0)),
          ];
          rows[height]![width] = rows[height]!.slice(0, width).reduce((a, b) => a + b, 0);
          const values = table(rows);
          const lines = linesOf(height + 1, width + 1);
          const withheld = withholdComplements(values, lines);
          const hidden = hiddenIn(values, withheld);
          for (const line of lines) {
            const count = line.filter(hidden).length;
            // A line of one hidden cell is left only where every other cell is 0 (and so its
            // sum gives nothing away that the zeros do not).
            if (count === 1) expect(line.filter((cell) => !hidden(cell)).every((c) => values.get(c) === 0)).toBe(true);
          }
          for (const cell of withheld) expect(values.get(cell)!).toBeGreaterThanOrEqual(SMALLEST_PUBLIC_COUNT);
          expect(withholdComplements(values, lines)).toEqual(withheld);
        },
      ),
    );
  });
});

describe("buildGapMap's complementary suppression", () => {
  const arbitraryRequest = fc.record<GapRequest>({
    stateIso3: fc.constantFrom(...STATES.map((s) => s.iso3)),
    themes: fc.subarray([NHRI, DETENTION, GENERAL, "upr-info:womens-rights"]),
    sdgTargets: fc.subarray(["16.a", "5.2", "1.1", "17"]),
    waitingDays: fc.option(fc.nat(200)),
    publiclyCountable: fc.constant(true),
  });
  const arbitraryOffer = fc.record<GapOffer>({
    status: fc.constant("open"),
    visibility: fc.constant("public"),
    themes: fc.subarray([NHRI, DETENTION, GENERAL]),
    sdgTargets: fc.subarray(["16.a", "5.2"]),
    eligibility: fc.record({
      regionalGroups: fc.subarray(GROUPS, { maxLength: 1 }),
      statuses: fc.constant([]),
      namedStates: fc.constant([]),
    }),
    capacity: fc.constant(3),
    engagements: fc.constant(0),
    validUntil: fc.constant(null),
  });
  const MEASURES = ["requests", "offers", "unanswered"] as const;
  const hidden = (count: GapCount) => !("exact" in count);
  /** The lines of one view, each with its published total last. */
  const lines = (m: GapMap) => {
    const all = [...m.rows, m.total];
    return [
      ...all.map((row) => [...GROUPS, ALL].map((column) => row.cells[column]!)),
      ...m.columns.map((column) => all.map((row) => row.cells[column]!)),
    ];
  };

  it("leaves no line of either view with exactly one hidden figure beside a published total", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRequest, { maxLength: 25 }),
        fc.array(arbitraryOffer, { maxLength: 10 }),
        fc.constantFrom("theme" as const, "sdg" as const),
        (requests, offers, dimension) => {
          const m = map({ audience: "public", dimension, requests, offers });
          for (const line of lines(m))
            for (const measure of MEASURES) {
              const counts = line.map((c) => c[measure]);
              if (!hidden(counts.at(-1)!)) expect(counts.filter(hidden).length).not.toBe(1);
              for (const count of counts)
                if ("exact" in count) expect(count.exact === 0 || count.exact >= SMALLEST_PUBLIC_COUNT).toBe(true);
            }
        },
      ),
    );
  });

  it("publishes the same total row in both views, so one view never undoes the other", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRequest, { maxLength: 25 }),
        fc.array(arbitraryOffer, { maxLength: 10 }),
        (requests, offers) => {
          const byTheme = map({ audience: "public", dimension: "theme", requests, offers });
          const bySdg = map({ audience: "public", dimension: "sdg", requests, offers });
          expect(byTheme.total).toEqual(bySdg.total);
        },
      ),
    );
  });

  it("leaves the full picture exact", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRequest, { maxLength: 25 }),
        fc.array(arbitraryOffer, { maxLength: 10 }),
        fc.constantFrom("theme" as const, "sdg" as const),
        (requests, offers, dimension) => {
          const m = map({ audience: "full", dimension, requests, offers });
          for (const row of [...m.rows, m.total])
            for (const c of Object.values(row.cells))
              for (const measure of MEASURES) expect("exact" in c[measure]).toBe(true);
        },
      ),
    );
  });

  it("withholds a group's figure beside a lone 'fewer than 3', then what that leaves alone", () => {
    const requests = ["THA", "THA", "FJI", "HND"].map((stateIso3) => request({ stateIso3 }));
    const m = map({ audience: "public", requests });
    // Asia-Pacific's 3 hides Latin America's 1 from "all States" less the others.
    expect(cell(m, "institutions-law", "latin-american-caribbean").requests).toEqual(FEWER);
    expect(cell(m, "institutions-law", "asia-pacific")).toEqual({
      requests: WITHHELD,
      offers: exact(0),
      unanswered: exact(0),
      level: "unmet",
    });
    // The chart's bar stays.
    expect(cell(m, "institutions-law", ALL).requests).toEqual(exact(4));
    // Every request is on one family, so the column would give the 3 back from its total.
    expect(cell(m, ALL, "asia-pacific").requests).toEqual(WITHHELD);
    expect(cell(m, ALL, ALL).requests).toEqual(exact(4));
    // The same in the SDG view, whose total row is the same.
    const bySdg = map({ audience: "public", dimension: "sdg", requests });
    expect(cell(bySdg, "16", "asia-pacific").requests).toEqual(WITHHELD);
    expect(bySdg.total).toEqual(m.total);
    expect(cell(map({ audience: "full", requests: [request({ stateIso3: "HND" })] }), ALL, ALL).requests).toEqual(
      exact(1),
    );
  });
});
