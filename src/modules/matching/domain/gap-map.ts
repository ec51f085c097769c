import { isEligible, type OfferEligibility, type StateProfile } from "../../../platform/eligibility";
import { type PublicCount, publicCount, SMALLEST_PUBLIC_COUNT } from "../../../platform/statistics";
import { THEME_FAMILY_CODES, themeFamilyOf } from "./theme-families";

/**
 * The gap map: supply and demand by subject (theme family or SDG goal) against where the demand
 * comes from (the requesting State's regional group, and whether it is an LDC or a SIDS). Counts
 * only: it names no request and no offer, and its public version counts only what public figures
 * may count (decision 014).
 */
export const GAP_DIMENSIONS = ["theme", "sdg"] as const;
export type GapDimension = (typeof GAP_DIMENSIONS)[number];

/** The statuses the map has a column for: the issue asks for LDC and SIDS. */
export const GAP_STATUS_COLUMNS = ["ldc", "sids"] as const;
/** The column of every State, and the row of every subject: each record counted once. */
export const ALL = "all";
/** The row of records whose subject falls in no family (general themes) or that name no goal. */
export const NONE = "none";
/** "Unanswered for more than 90 days", as the requests list's "over 90 days" band counts it. */
export const UNANSWERED_AFTER_DAYS = 90;

const SDG_GOALS = Array.from({ length: 17 }, (_, i) => String(i + 1));

/**
 * Who reads the map. `public`: public records and those their State let be counted anonymously,
 * every count from 1 to 2 shown as "fewer than 3". `full`: every open record, exact.
 */
export type GapAudience = "public" | "full";

/** An open request, as the map counts it. */
export interface GapRequest {
  stateIso3: string;
  themes: readonly string[];
  sdgTargets: readonly string[];
  /** Days open without a match; null once matched. */
  waitingDays: number | null;
  /** Public, or counted anonymously with its State's leave, and submitted. */
  publiclyCountable: boolean;
}

/** An offer of any status; the map decides whether it is open supply. */
export interface GapOffer {
  status: string;
  visibility: string;
  themes: readonly string[];
  sdgTargets: readonly string[];
  eligibility: OfferEligibility;
  capacity: number;
  engagements: number;
  validUntil: string | null;
}

/**
 * How a cell's supply compares with its demand, judged on the figures the reader is shown (never
 * on hidden exact counts, which a colour would otherwise give away). `unclear`: both sides are
 * "fewer than 3", which cannot be compared.
 */
export const GAP_LEVELS = ["no-demand", "covered", "short", "unmet", "unclear"] as const;
export type GapLevel = (typeof GAP_LEVELS)[number];

/**
 * A figure as the reader is shown it: exact, "fewer than 3", or withheld to protect a "fewer
 * than 3" elsewhere in its row or column (see `withholdComplements`). A withheld figure is never
 * 0, 1 or 2: only a count of 3 or more is chosen to be withheld.
 */
export type GapCount = PublicCount | { withheld: "complementary" };

export const isWithheld = (count: GapCount): count is { withheld: "complementary" } => "withheld" in count;

export interface GapCell {
  requests: GapCount;
  offers: GapCount;
  unanswered: GapCount;
  level: GapLevel;
}

export interface GapRow {
  key: string;
  cells: Record<string, GapCell>;
}

export interface GapMap {
  dimension: GapDimension;
  audience: GapAudience;
  columns: string[];
  rows: GapRow[];
  /** Every record once per column, whatever its subjects. */
  total: GapRow;
}

/** Reads `by` from a page's or the API's query: theme families unless told otherwise. */
export function parseGapQuery(params: { get(name: string): string | null }): {
  dimension: GapDimension;
  errors: Partial<Record<"by", "gaps.error.by">>;
} {
  const by = params.get("by")?.trim() ?? "";
  if (by === "") return { dimension: "theme", errors: {} };
  if ((GAP_DIMENSIONS as readonly string[]).includes(by)) return { dimension: by as GapDimension, errors: {} };
  return { dimension: "theme", errors: { by: "gaps.error.by" } };
}

/** The columns, in order: the regional groups as given, then LDC and SIDS, then all States. */
export function gapColumns(groups: readonly string[]): string[] {
  return [...groups, ...GAP_STATUS_COLUMNS, ALL];
}

/** The rows of a dimension, in order, without the total row. */
export function gapRowKeys(dimension: GapDimension): string[] {
  return [...(dimension === "theme" ? THEME_FAMILY_CODES : SDG_GOALS), NONE];
}

/**
 * The rows a record counts in: each family of its themes, or each goal of its SDG targets (a
 * goal code stands for itself), once each; the "none" row when it has none.
 */
export function rowsOf(dimension: GapDimension, record: { themes: readonly string[]; sdgTargets: readonly string[] }) {
  const keys =
    dimension === "theme"
      ? record.themes.map(themeFamilyOf).filter((family) => family !== null)
      : record.sdgTargets.map((code) => code.split(".")[0]!).filter((goal) => SDG_GOALS.includes(goal));
  const unique = [...new Set<string>(keys)];
  return unique.length > 0 ? unique : [NONE];
}

/** The columns of a requesting State: its group, its statuses among LDC and SIDS, and all States. */
export function columnsOfState(state: StateProfile | undefined, groups: readonly string[]): string[] {
  if (!state) return [ALL];
  return [
    ...(state.regionalGroup !== null && groups.includes(state.regionalGroup) ? [state.regionalGroup] : []),
    ...GAP_STATUS_COLUMNS.filter((status) => state.statuses.includes(status)),
    ALL,
  ];
}

/** The States of each column, to judge offers against. */
export function statesByColumn(states: readonly StateProfile[], groups: readonly string[]) {
  const byColumn = new Map<string, StateProfile[]>(gapColumns(groups).map((column) => [column, []]));
  for (const state of states) for (const column of columnsOfState(state, groups)) byColumn.get(column)!.push(state);
  return byColumn;
}

/**
 * The columns an offer is supply for: those holding at least one State the offer is open to.
 * Judged with the eligibility rule itself over the real States of each column, not a stand-in
 * profile per column: an offer "for SIDS" is supply in the groups that have SIDS and in no other,
 * one naming two States in the columns of those two, one without limits everywhere.
 */
export function columnsOfOffer(
  eligibility: OfferEligibility,
  byColumn: ReadonlyMap<string, readonly StateProfile[]>,
): string[] {
  return [...byColumn].filter(([, states]) => states.some((s) => isEligible(eligibility, s))).map(([c]) => c);
}

/**
 * Open supply: an open offer with capacity left whose validity has not ended (one that starts
 * later is supply all the same: the requests it could answer are waiting now).
 */
export function isOpenOffer(offer: GapOffer, today: string): boolean {
  return (
    offer.status === "open" &&
    offer.engagements < offer.capacity &&
    (offer.validUntil === null || offer.validUntil >= today)
  );
}

export function isUnanswered(request: Pick<GapRequest, "waitingDays">): boolean {
  return request.waitingDays !== null && request.waitingDays > UNANSWERED_AFTER_DAYS;
}

/**
 * The level of a cell from the figures shown: what it claims holds for any counts behind them. A
 * withheld figure is known to be 3 or more, which is all this relies on.
 */
export function gapLevel(requests: GapCount, offers: GapCount): GapLevel {
  if ("exact" in requests && requests.exact === 0) return "no-demand";
  if ("exact" in offers && offers.exact === 0) return "unmet";
  if ("exact" in requests && "exact" in offers) return offers.exact >= requests.exact ? "covered" : "short";
  // From here neither side is 0: each is exact (3 or more), fewer than 3, or withheld (3 or more).
  if ("fewerThan" in requests && !("fewerThan" in offers)) return "covered";
  if ("fewerThan" in offers && !("fewerThan" in requests)) return "short";
  // Both fewer than 3, or at least one 3-or-more withheld: nothing honest to say.
  return "unclear";
}

interface Tally {
  requests: number;
  offers: number;
  unanswered: number;
}

export interface GapMapInput {
  dimension: GapDimension;
  audience: GapAudience;
  /** Open requests (the caller's query keeps to them). */
  requests: readonly GapRequest[];
  offers: readonly GapOffer[];
  /** Every State, with its group and statuses: where requests come from and offers reach. */
  states: readonly StateProfile[];
  /** The regional groups, in the order their columns take. */
  groups: readonly string[];
  /** ISO date: offers whose validity ended before it are not supply. */
  today: string;
}

type Tallies = Map<string, Map<string, Tally>>;

/** Counts one dimension: every subject row and the total row, each column, each measure. */
function tallyGaps(input: GapMapInput, dimension: GapDimension, columns: readonly string[]): Tallies {
  const { audience, groups } = input;
  const tallies: Tallies = new Map(
    [...gapRowKeys(dimension), ALL].map((row) => [
      row,
      new Map<string, Tally>(columns.map((column) => [column, { requests: 0, offers: 0, unanswered: 0 }])),
    ]),
  );
  const add = (rows: readonly string[], cols: readonly string[], measure: (tally: Tally) => void) => {
    for (const row of [...rows, ALL]) for (const column of cols) measure(tallies.get(row)!.get(column)!);
  };

  const profiles = new Map(input.states.map((s) => [s.iso3, s]));
  const requests = audience === "public" ? input.requests.filter((r) => r.publiclyCountable) : input.requests;
  for (const request of requests) {
    const rows = rowsOf(dimension, request);
    const cols = columnsOfState(profiles.get(request.stateIso3), groups);
    const unanswered = isUnanswered(request);
    add(rows, cols, (tally) => {
      tally.requests++;
      if (unanswered) tally.unanswered++;
    });
  }

  const byColumn = statesByColumn(input.states, groups);
  const offers = input.offers.filter(
    (o) => isOpenOffer(o, input.today) && (audience === "full" || o.visibility === "public"),
  );
  for (const offer of offers)
    add(rowsOf(dimension, offer), columnsOfOffer(offer.eligibility, byColumn), (tally) => {
      tally.offers++;
    });
  return tallies;
}

/**
 * Complementary suppression over a set of cells and the lines (rows and columns) an adder of the
 * published figures could subtract along. A line holding exactly one withheld cell gives that
 * cell away by differencing, so one more of its cells is withheld, and so on until no line has
 * exactly one. The cell chosen is the line's cheapest to lose: the lowest `rank` (the caller
 * ranks the figures it most wants to keep, the totals, highest), then the smallest count, then
 * the first in the line. Only counts of 3 or more are chosen: a withheld 0 protects nothing (the
 * line's sum then gives the other cell exactly), and counts of 1 and 2 are already withheld.
 * Returns the cells withheld this way; `small` are those withheld for being 1 or 2.
 */
export function withholdComplements(
  values: ReadonlyMap<string, number>,
  lines: readonly (readonly string[])[],
  rank: (cell: string) => number = () => 0,
): Set<string> {
  const small = (cell: string) => {
    const n = values.get(cell)!;
    return n > 0 && n < SMALLEST_PUBLIC_COUNT;
  };
  const withheld = new Set<string>();
  const hidden = (cell: string) => small(cell) || withheld.has(cell);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter(hidden).length !== 1) continue;
      const candidates = line
        .map((cell, at) => ({ cell, at, n: values.get(cell)! }))
        .filter(({ cell, n }) => n > 0 && !hidden(cell))
        .sort((a, b) => rank(a.cell) - rank(b.cell) || a.n - b.n || a.at - b.at);
      // None: the only hidden cell is a total whose parts are all 0 (a request from a State of no
      // group): subtracting gives nothing away.
      if (candidates.length === 0) continue;
      withheld.add(candidates[0]!.cell);
      changed = true;
    }
  }
  return withheld;
}

const MEASURES = ["requests", "offers", "unanswered"] as const;
type Measure = (typeof MEASURES)[number];
const TOTAL = "total";
const cellKey = (view: string, row: string, column: string) => `${view}|${row}|${column}`;

/**
 * The lines along which the public map could be differenced, over both dimensions at once. Cells
 * are keyed by view (a dimension, or `total` for the total row, which both dimensions publish
 * alike) and by row and column:
 * - each row, over the regional groups and its "all States" figure: for requests and unanswered
 *   requests the groups add up to all States (together with the few States of no group);
 * - each column, over the subject rows and the total row: a record on one subject only counts
 *   once, so where every record has one subject the rows add up to the total.
 * LDC and SIDS are in no row line: they overlap the groups and each other and add up to nothing
 * published. Offers are not additive along rows either (an offer open to all counts in every
 * group), but are treated as if they were, rather than reason about which offers are which.
 */
function gapLines(groups: readonly string[], columns: readonly string[]): string[][] {
  const rowLine = (view: string, row: string) => [...groups, ALL].map((column) => cellKey(view, row, column));
  const lines = [rowLine(TOTAL, ALL)];
  for (const view of GAP_DIMENSIONS) {
    for (const row of gapRowKeys(view)) lines.push(rowLine(view, row));
    for (const column of columns)
      lines.push([...gapRowKeys(view).map((row) => cellKey(view, row, column)), cellKey(TOTAL, ALL, column)]);
  }
  return lines;
}

/**
 * Keep the most useful figures: withhold a group's or a status's figure before a subject's "all
 * States" figure (the chart's bars), and that before a figure of the total row. The total row is
 * the same in both dimensions, and worked out for both at once, so reading one dimension never
 * gives away what the other withholds.
 */
const keepRank = (key: string) => (key.startsWith(`${TOTAL}|`) ? 2 : key.endsWith(`|${ALL}`) ? 1 : 0);

/**
 * Counts the map. The public version drops every record public figures may not count before
 * counting, so no figure, total or colour can rest on one; then shows counts of 1 and 2 as
 * "fewer than 3", and withholds enough other figures (complementary suppression, over both
 * dimensions at once) that no "fewer than 3" can be worked out by subtracting the figures of its
 * row or column from their total.
 *
 * Why suppression rather than rounding the totals: the totals are the map's most read figures
 * (the "all States" column is the chart), and rounding them all would blur every row to protect
 * a few cells, while a withheld group figure costs one cell. The choice of cells to withhold
 * never depends on the value (1 or 2) of a "fewer than 3", only on which cells are small and on
 * the figures around them, so the pattern of withheld cells says nothing more about that value.
 *
 * What remains possible, and why it is accepted: sums and bounds, not the cells. No "fewer than
 * 3" is ever alone in a line, so subtracting gives at most the sum of a line's hidden cells; with
 * that sum and what each label says (1 or 2; withheld means 3 or more) a reader can sometimes tell
 * 1 from 2: two "fewer than 3" summing to 2 or 4, or a "fewer than 3" beside a withheld figure
 * that is exactly 3 when they sum to 4. Bounds come from the inequalities between figures (a
 * subject's figure is at most the total, LDC or SIDS at most all States, unanswered at most
 * requests). None of this takes a figure out of "fewer than 3" or names the States behind it;
 * ruling it out entirely needs an optimiser over every view and bound at once, or the same label
 * for every hidden figure, which would hide that a "fewer than 3" is there at all.
 */
export function buildGapMap(input: GapMapInput): GapMap {
  const { dimension, audience, groups } = input;
  const columns = gapColumns(groups);
  const tallies = tallyGaps(input, dimension, columns);

  let shown: (row: string, column: string, measure: Measure) => GapCount;
  if (audience === "full") shown = (row, column, measure) => ({ exact: tallies.get(row)!.get(column)![measure] });
  else {
    const views = new Map(
      GAP_DIMENSIONS.map((view) => [view, view === dimension ? tallies : tallyGaps(input, view, columns)]),
    );
    const lines = gapLines(groups, columns);
    const withheld = new Map<Measure, Set<string>>();
    for (const measure of MEASURES) {
      const values = new Map<string, number>();
      for (const [view, byRow] of views)
        for (const [row, byColumn] of byRow)
          for (const [column, tally] of byColumn)
            values.set(row === ALL ? cellKey(TOTAL, ALL, column) : cellKey(view, row, column), tally[measure]);
      withheld.set(measure, withholdComplements(values, lines, keepRank));
    }
    shown = (row, column, measure) =>
      withheld.get(measure)!.has(row === ALL ? cellKey(TOTAL, ALL, column) : cellKey(dimension, row, column))
        ? { withheld: "complementary" }
        : publicCount(tallies.get(row)!.get(column)![measure]);
  }

  const cellOf = (row: string, column: string): GapCell => {
    const requests = shown(row, column, "requests");
    const offers = shown(row, column, "offers");
    return { requests, offers, unanswered: shown(row, column, "unanswered"), level: gapLevel(requests, offers) };
  };
  const rowOf = (key: string): GapRow => ({
    key,
    cells: Object.fromEntries(columns.map((column) => [column, cellOf(key, column)])),
  });
  return {
    dimension,
    audience,
    columns,
    rows: gapRowKeys(dimension).map(rowOf),
    total: rowOf(ALL),
  };
}
