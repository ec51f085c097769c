import { MECHANISMS, RESPONSES } from "./recommendation";

/** A search of the index, as the page and the API read it from the URL. */
export interface RecommendationQuery {
  q: string;
  stateUnderReview?: string;
  recommendingState?: string;
  mechanism?: string;
  cycle?: number;
  response?: string;
  theme?: string;
  kind?: string;
  sort: "relevance" | "date";
  limit: number;
  offset: number;
}

const MAX_LIMIT = 100;

/** Reads query parameters; each problem is named by its parameter (message keys are for pages). */
export function parseRecommendationQuery(params: URLSearchParams): {
  query: RecommendationQuery;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const iso = (k: string) => {
    const v = get(k)?.toUpperCase();
    if (v && !/^[A-Z]{3}$/.test(v)) errors[k] = "an ISO 3166 alpha-3 code, such as NOR";
    return v;
  };
  const int = (k: string, min: number, max: number, fallback: number) => {
    const v = get(k);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors[k] = `a whole number from ${min} to ${max}`;
      return fallback;
    }
    return n;
  };
  const oneOf = (k: string, values: readonly string[]) => {
    const v = get(k);
    if (v && !values.includes(v)) errors[k] = `one of ${values.join(", ")}`;
    return v;
  };
  const q = (get("q") ?? "").slice(0, 500);
  const query: RecommendationQuery = {
    q,
    stateUnderReview: iso("state_under_review"),
    recommendingState: iso("recommending_state"),
    mechanism: oneOf("mechanism", MECHANISMS),
    response: oneOf("response", RESPONSES),
    kind: oneOf("kind", ["recommendation", "voluntary-pledge"]),
    theme: get("theme"),
    sort: (oneOf("sort", ["relevance", "date"]) as RecommendationQuery["sort"]) ?? (q ? "relevance" : "date"),
    limit: int("limit", 1, MAX_LIMIT, 20),
    offset: int("offset", 0, 1_000_000, 0),
  };
  const cycle = get("cycle") === undefined ? undefined : int("cycle", 1, 20, 0);
  if (cycle) query.cycle = cycle;
  return { query, errors };
}
