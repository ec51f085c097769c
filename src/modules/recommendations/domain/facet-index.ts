import type { RecommendationQuery } from "./query";

/**
 * Facet counts over half a million recommendations cannot come from SQL in the time a page has:
 * each facet is a GROUP BY over every matching row, and there are fourteen of them. This index
 * keeps what the facets and filters need in columns of small numbers (as search engines keep
 * "doc values"); one pass over the matching rows then counts every facet at once. The database
 * still does the full-text matching; it hands over the matching rows' numbers and ranks.
 */

/** A recommendation as the index sees it, read in date order (year, then session, newest first). */
export interface IndexedRecommendation {
  seq: number;
  kind: string;
  mechanism: string;
  stateUnderReview: string;
  recommendingStates: readonly string[];
  cycle: number | null;
  session: number | null;
  year: number | null;
  response: string | null;
  actionCategory: number | null;
  themes: readonly string[];
  sdgs: readonly string[];
  affectedPersons: readonly string[];
}

const SINGLE = [
  "state_under_review",
  "state_under_review_group",
  "mechanism",
  "cycle",
  "session",
  "year",
  "response",
  "kind",
  "action_category",
] as const;
const MULTI = ["recommending_state", "recommending_group", "theme", "sdg", "affected_person"] as const;
export type FacetName = (typeof SINGLE)[number] | (typeof MULTI)[number];
export const FACET_NAMES: readonly FacetName[] = [...SINGLE, ...MULTI];

/** Facets listed newest first (by value) rather than by count. */
const BY_VALUE_DESCENDING: ReadonlySet<FacetName> = new Set(["session", "year"]);
/** How many values a facet lists at most. */
export const FACET_LIMIT = 50;

export interface FacetCount {
  value: string;
  count: number;
}

/** Value ↔ small number, per facet; 0 stands for "none". */
class Dictionary {
  readonly values: string[] = [""];
  private readonly codes = new Map<string, number>();
  encode(value: string | number | null): number {
    if (value === null) return 0;
    const text = String(value);
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.codes.set(text, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** A list per row, flattened: row i's codes are values[offsets[i] .. offsets[i + 1]). */
interface ListColumn {
  offsets: Uint32Array;
  values: Uint16Array;
}

export interface IndexSearch {
  total: number;
  /** The `seq` of the rows on the asked page, in order. */
  page: number[];
  facets: Record<FacetName, FacetCount[]>;
}

export class FacetIndex {
  readonly size: number;
  private readonly seqToRow: Map<number, number>;
  private readonly dictionaries = new Map<FacetName, Dictionary>();
  private readonly single = new Map<FacetName, Uint16Array>();
  private readonly multi = new Map<FacetName, ListColumn>();
  /** Codes of the `sdg` dictionary that are goals ("5"), not targets ("5.2"): only goals are a facet. */
  private sdgGoal: Uint8Array = new Uint8Array(0);

  /**
   * `rows` in date order (the order of a date sort); `groupOf` maps a State to its regional group.
   * Row numbers are positions in that order, so a date-sorted page is the first rows that pass.
   */
  constructor(rows: readonly IndexedRecommendation[], groupOf: ReadonlyMap<string, string>) {
    this.size = rows.length;
    this.seqToRow = new Map(rows.map((r, i) => [r.seq, i]));
    for (const facet of FACET_NAMES) this.dictionaries.set(facet, new Dictionary());
    const singleValue: Record<(typeof SINGLE)[number], (r: IndexedRecommendation) => string | number | null> = {
      state_under_review: (r) => r.stateUnderReview,
      state_under_review_group: (r) => groupOf.get(r.stateUnderReview) ?? null,
      mechanism: (r) => r.mechanism,
      cycle: (r) => r.cycle,
      session: (r) => r.session,
      year: (r) => r.year,
      response: (r) => r.response,
      kind: (r) => r.kind,
      action_category: (r) => r.actionCategory,
    };
    for (const facet of SINGLE) {
      const dictionary = this.dictionaries.get(facet)!;
      const column = new Uint16Array(rows.length);
      rows.forEach((r, i) => {
        column[i] = dictionary.encode(singleValue[facet](r));
      });
      this.single.set(facet, column);
    }
    const listValue: Record<(typeof MULTI)[number], (r: IndexedRecommendation) => readonly string[]> = {
      recommending_state: (r) => r.recommendingStates,
      // A recommendation counts once per group, however many of its co-sponsors belong to it.
      recommending_group: (r) => [
        ...new Set(r.recommendingStates.map((s) => groupOf.get(s)).filter((g): g is string => Boolean(g))),
      ],
      theme: (r) => r.themes,
      sdg: (r) => r.sdgs,
      affected_person: (r) => r.affectedPersons,
    };
    for (const facet of MULTI) {
      const dictionary = this.dictionaries.get(facet)!;
      const lists = rows.map((r) => [...new Set(listValue[facet](r))].map((v) => dictionary.encode(v)));
      const offsets = new Uint32Array(rows.length + 1);
      lists.forEach((l, i) => {
        offsets[i + 1] = offsets[i]! + l.length;
      });
      const values = new Uint16Array(offsets[rows.length]!);
      lists.forEach((l, i) => {
        values.set(l, offsets[i]!);
      });
      this.multi.set(facet, { offsets, values });
    }
    this.sdgGoal = Uint8Array.from(this.dictionaries.get("sdg")!.values, (v) => (v && !v.includes(".") ? 1 : 0));
  }

  /** The filters of a query as (facet, code) pairs; null when a filter names a value no row has. */
  private filtersOf(query: RecommendationQuery): [FacetName, number][] | null {
    const asked: [FacetName, string | number | undefined][] = [
      ["state_under_review", query.stateUnderReview],
      ["recommending_state", query.recommendingState],
      ["mechanism", query.mechanism],
      ["cycle", query.cycle],
      ["response", query.response],
      ["kind", query.kind],
      ["theme", query.theme],
      ["affected_person", query.affectedPerson],
      ["sdg", query.sdg],
      ["session", query.session],
      ["year", query.year],
      ["action_category", query.actionCategory],
      ["state_under_review_group", query.stateUnderReviewGroup],
      ["recommending_group", query.recommendingGroup],
    ];
    const filters: [FacetName, number][] = [];
    for (const [facet, value] of asked) {
      if (value === undefined || value === "") continue;
      const code = this.dictionaries.get(facet)!.find(String(value));
      if (code === undefined) return null;
      filters.push([facet, code]);
    }
    return filters;
  }

  /**
   * Filters, counts every facet and picks the page. Without `matches` every row is a candidate;
   * with them, only the rows the full-text search found (`ranks` when sorting by relevance).
   */
  search(
    query: RecommendationQuery,
    matches: { seqs: readonly number[]; ranks: readonly number[] | null } | null,
  ): IndexSearch {
    const counters = new Map(FACET_NAMES.map((f) => [f, new Uint32Array(this.dictionaries.get(f)!.values.length)]));
    const filters = this.filtersOf(query);
    const candidates = matches ? matches.seqs.length : this.size;
    const passing = new Int32Array(candidates);
    let passed = 0;
    const byRelevance = Boolean(matches?.ranks) && query.sort === "relevance";
    const rank = byRelevance ? new Float32Array(this.size) : null;
    if (filters) {
      const singleFilters = filters
        .filter(([f]) => this.single.has(f))
        .map(([f, c]) => [this.single.get(f)!, c] as const);
      const multiFilters = filters.filter(([f]) => this.multi.has(f)).map(([f, c]) => [this.multi.get(f)!, c] as const);
      const singles = SINGLE.map((f) => [this.single.get(f)!, counters.get(f)!] as const);
      const multis = MULTI.map((f) => [this.multi.get(f)!, counters.get(f)!] as const);
      const consider = (row: number) => {
        for (const [column, code] of singleFilters) if (column[row] !== code) return;
        for (const [{ offsets, values }, code] of multiFilters) {
          let found = false;
          for (let k = offsets[row]!; k < offsets[row + 1]!; k++)
            if (values[k] === code) {
              found = true;
              break;
            }
          if (!found) return;
        }
        passing[passed++] = row;
        for (const [column, counter] of singles) counter[column[row]!]!++;
        for (const [{ offsets, values }, counter] of multis)
          for (let k = offsets[row]!; k < offsets[row + 1]!; k++) counter[values[k]!]!++;
      };
      if (matches) {
        matches.seqs.forEach((seq, i) => {
          const row = this.seqToRow.get(seq);
          if (row === undefined) return;
          if (rank) rank[row] = matches.ranks![i]!;
          consider(row);
        });
      } else for (let row = 0; row < this.size; row++) consider(row);
    }

    // Rows are numbered in date order, so a date sort is a sort by row number, and so is a tie in rank.
    const rows = passing.subarray(0, passed);
    if (rank) {
      const ordered = Array.from(rows).sort((a, b) => rank[b]! - rank[a]! || a - b);
      rows.set(ordered);
    } else if (matches) rows.sort();
    const rowToSeq = this.rowSeqs();
    return {
      total: passed,
      page: Array.from(rows.subarray(query.offset, query.offset + query.limit), (row) => rowToSeq[row]!),
      facets: Object.fromEntries(FACET_NAMES.map((f) => [f, this.listFacet(f, counters.get(f)!)])) as Record<
        FacetName,
        FacetCount[]
      >,
    };
  }

  private rowSeqCache: Int32Array | null = null;
  private rowSeqs(): Int32Array {
    if (!this.rowSeqCache) {
      this.rowSeqCache = new Int32Array(this.size);
      for (const [seq, row] of this.seqToRow) this.rowSeqCache[row] = seq;
    }
    return this.rowSeqCache;
  }

  private listFacet(facet: FacetName, counter: Uint32Array): FacetCount[] {
    const values = this.dictionaries.get(facet)!.values;
    const counts: FacetCount[] = [];
    for (let code = 1; code < counter.length; code++) {
      if (counter[code] === 0) continue;
      if (facet === "sdg" && !this.sdgGoal[code]) continue;
      counts.push({ value: values[code]!, count: counter[code]! });
    }
    counts.sort(
      BY_VALUE_DESCENDING.has(facet)
        ? (a, b) => Number(b.value) - Number(a.value)
        : (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
    return counts.slice(0, FACET_LIMIT);
  }
}
