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
  /** Row of each `seq` (-1 for none): seqs are small identity numbers, so an array beats a map. */
  private readonly rowOfSeq: Int32Array;
  private readonly seqOfRow: Int32Array;
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
    this.rowOfSeq = new Int32Array(rows.reduce((max, r) => Math.max(max, r.seq), 0) + 1).fill(-1);
    this.seqOfRow = Int32Array.from(rows, (r) => r.seq);
    rows.forEach((r, i) => {
      this.rowOfSeq[r.seq] = i;
    });
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
    const passing = new Int32Array(matches ? Math.min(matches.seqs.length, this.size) : this.size);
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
      // Matches are marked, then rows are visited in their (date) order: passing rows come out sorted.
      const matched = matches ? new Uint8Array(this.size) : null;
      if (matches)
        for (let i = 0; i < matches.seqs.length; i++) {
          const seq = matches.seqs[i]!;
          const row = seq < this.rowOfSeq.length ? this.rowOfSeq[seq]! : -1;
          if (row < 0) continue;
          matched![row] = 1;
          if (rank) rank[row] = matches.ranks![i]!;
        }
      for (let row = 0; row < this.size; row++) if (!matched || matched[row]) consider(row);
    }

    const rows = passing.subarray(0, passed);
    const wanted = query.offset + query.limit;
    const page = rank
      ? topByRank(rows, rank, wanted).subarray(query.offset, wanted)
      : rows.subarray(query.offset, wanted);
    return {
      total: passed,
      page: Array.from(page, (row) => this.seqOfRow[row]!),
      facets: Object.fromEntries(FACET_NAMES.map((f) => [f, this.listFacet(f, counters.get(f)!)])) as Record<
        FacetName,
        FacetCount[]
      >,
    };
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

/**
 * The first `k` rows by rank, highest first; equal ranks keep date order (lower row first). A page
 * needs only the first few of tens of thousands of matches: a bounded heap finds them without
 * sorting the rest.
 */
export function topByRank(rows: Int32Array, rank: Float32Array, k: number): Int32Array {
  const worse = (a: number, b: number) => rank[a]! < rank[b]! || (rank[a] === rank[b] && a > b);
  if (k >= rows.length / 4) {
    return Int32Array.from(rows)
      .sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
      .subarray(0, k);
  }
  // A heap of the best k so far, the worst of them at the root.
  const heap = new Int32Array(k);
  let size = 0;
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < size && worse(heap[l]!, heap[worst]!)) worst = l;
      if (r < size && worse(heap[r]!, heap[worst]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const row of rows) {
    if (size < k) {
      let i = size++;
      heap[i] = row;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (k > 0 && worse(heap[0]!, row)) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.subarray(0, size).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
