import { pageOf, queryReader } from "../../../platform/query-params";
import { PROVIDER_TYPES, SUPPORT_KINDS, WORKING_LANGUAGES } from "../../../platform/support-vocabulary";
import { AGE_BANDS, type AgeBand } from "./request";
import { REQUEST_STATES, type RequestState } from "./workflow";

/** What the request list can be narrowed by (issue 5, point 5): each a facet, plus words. */
export interface RequestFilter {
  q: string;
  theme?: string;
  sdg?: string;
  kind?: string;
  group?: string;
  status?: string;
  providerType?: string;
  language?: string;
  state?: RequestState;
  age?: AgeBand;
  /** ISO alpha-3 of the requesting State. */
  country?: string;
  limit: number;
  offset: number;
}

export const FACETS = [
  "state",
  "theme",
  "sdg",
  "kind",
  "group",
  "status",
  "providerType",
  "language",
  "age",
  "country",
] as const;
export type Facet = (typeof FACETS)[number];

/** Reads query parameters; each problem names its parameter, in words an API caller can act on. */
export function parseRequestFilter(params: URLSearchParams): { filter: RequestFilter; errors: Record<string, string> } {
  const reader = queryReader(params);
  const { errors, get, oneOf } = reader;
  const theme = get("theme");
  if (theme !== undefined && theme.length > 200) errors.theme = "a theme code";
  const sdg = get("sdg");
  if (sdg !== undefined && !/^([1-9]|1[0-7])$/.test(sdg)) errors.sdg = "an SDG goal number from 1 to 17";
  const country = get("country")?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{3}$/.test(country)) errors.country = "an ISO 3166 alpha-3 code, such as FJI";
  const q = get("q") ?? "";
  if (q.length > 200) errors.q = "at most 200 characters";
  return {
    filter: {
      q: q.slice(0, 200),
      theme: errors.theme ? undefined : theme,
      sdg: errors.sdg ? undefined : sdg,
      kind: oneOf("kind", SUPPORT_KINDS, `one of ${SUPPORT_KINDS.join(", ")}`),
      group: oneOf(
        "group",
        ["african", "asia-pacific", "eastern-european", "latin-american-caribbean", "western-european-other"],
        "a regional group code, such as asia-pacific",
      ),
      status: oneOf("status", ["ldc", "lldc", "sids"], "one of ldc, lldc, sids"),
      providerType: oneOf("providerType", PROVIDER_TYPES, `one of ${PROVIDER_TYPES.join(", ")}`),
      language: oneOf("language", WORKING_LANGUAGES, "an ISO 639-1 language code, such as fr"),
      state: oneOf("state", REQUEST_STATES, `one of ${REQUEST_STATES.join(", ")}`) as RequestState | undefined,
      age: oneOf("age", AGE_BANDS, `one of ${AGE_BANDS.join(", ")}`) as AgeBand | undefined,
      country: errors.country ? undefined : country,
      ...pageOf(reader),
    },
    errors,
  };
}

/** One request as the facet counter sees it: every value it has for each facet. */
export type FacetValues = Record<Facet, readonly string[]>;

/**
 * Counts, for each facet, how many of the matching requests carry each value, most first. Pure:
 * the use case hands it the visible, filtered requests, so no count ever includes a hidden one.
 */
export function countFacets(rows: readonly FacetValues[]): Record<Facet, { value: string; count: number }[]> {
  const result = {} as Record<Facet, { value: string; count: number }[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const row of rows) for (const value of new Set(row[facet])) counts.set(value, (counts.get(value) ?? 0) + 1);
    result[facet] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return result;
}

/** Whether one request meets every facet the filter names (words are matched by the database). */
export function meetsFilter(row: FacetValues, filter: RequestFilter): boolean {
  return FACETS.every((facet) => {
    const wanted = filter[facet];
    return wanted === undefined || row[facet].includes(wanted);
  });
}
