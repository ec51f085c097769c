import { isEligible, type OfferEligibility, type StateProfile } from "../../../platform/eligibility";
import { type PublicCount, publicCount } from "../../../platform/statistics";
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

export interface GapCell {
  requests: PublicCount;
  offers: PublicCount;
  unanswered: PublicCount;
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

/** The level of a cell from the figures shown: what it claims holds for any counts behind them. */
export function gapLevel(requests: PublicCount, offers: PublicCount): GapLevel {
  if ("exact" in requests && requests.exact === 0) return "no-demand";
  if ("exact" in offers && offers.exact === 0) return "unmet";
  if ("exact" in requests && "exact" in offers) return offers.exact >= requests.exact ? "covered" : "short";
  // One side is 1 or 2, the other exact and so 3 or more.
  if ("exact" in offers) return "covered";
  if ("exact" in requests) return "short";
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

/**
 * Counts the map. The public version drops every record public figures may not count before
 * counting, so no figure, total or colour can rest on one; then suppresses counts of 1 and 2.
 */
export function buildGapMap(input: GapMapInput): GapMap {
  const { dimension, audience, groups } = input;
  const columns = gapColumns(groups);
  const rowKeys = [...gapRowKeys(dimension), ALL];
  const tallies = new Map(
    rowKeys.map((row) => [
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

  const shown = audience === "public" ? publicCount : (n: number): PublicCount => ({ exact: n });
  const cellOf = (tally: Tally): GapCell => {
    const requests = shown(tally.requests);
    const offers = shown(tally.offers);
    return { requests, offers, unanswered: shown(tally.unanswered), level: gapLevel(requests, offers) };
  };
  const rowOf = (key: string): GapRow => ({
    key,
    cells: Object.fromEntries(columns.map((column) => [column, cellOf(tallies.get(key)!.get(column)!)])),
  });
  return {
    dimension,
    audience,
    columns,
    rows: gapRowKeys(dimension).map(rowOf),
    total: rowOf(ALL),
  };
}
