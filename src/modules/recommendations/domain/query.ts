import { pageOf, queryReader } from "../../../platform/query-params";
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
  affectedPerson?: string;
  kind?: string;
  session?: number;
  year?: number;
  actionCategory?: number;
  /** An SDG goal ("5") or target ("5.2"). */
  sdg?: string;
  /** Regional group of the State under review, or of any recommending State. */
  stateUnderReviewGroup?: string;
  recommendingGroup?: string;
  sort: "relevance" | "date";
  limit: number;
  offset: number;
}

/** Reads query parameters; each problem is named by its parameter (message keys are for pages). */
export function parseRecommendationQuery(params: URLSearchParams): {
  query: RecommendationQuery;
  errors: Record<string, string>;
} {
  const reader = queryReader(params);
  const { errors, get, int, oneOf } = reader;
  const iso = (k: string) => {
    const v = get(k)?.toUpperCase();
    if (v && !/^[A-Z]{3}$/.test(v)) errors[k] = "an ISO 3166 alpha-3 code, such as NOR";
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
    affectedPerson: get("affected_person"),
    sort: oneOf("sort", ["relevance", "date"] as const) ?? (q ? "relevance" : "date"),
    ...pageOf(reader),
  };
  const optionalInt = (k: string, min: number, max: number) => (get(k) === undefined ? undefined : int(k, min, max, 0));
  const slug = (k: string) => {
    const v = get(k);
    if (v && !/^[a-z][a-z-]{1,40}$/.test(v)) errors[k] = "a regional group, such as african";
    return v;
  };
  const sdg = get("sdg")?.toLowerCase();
  if (sdg && !/^(1[0-7]|[1-9])(\.([1-9]\d?|[a-z]))?$/.test(sdg))
    errors.sdg = "an SDG goal such as 5, or a target such as 5.2";
  const extra: Partial<RecommendationQuery> = {
    cycle: optionalInt("cycle", 1, 20),
    session: optionalInt("session", 1, 200),
    year: optionalInt("year", 1946, 2100),
    actionCategory: optionalInt("action_category", 1, 5),
    sdg: errors.sdg ? undefined : sdg,
    stateUnderReviewGroup: slug("state_under_review_group"),
    recommendingGroup: slug("recommending_group"),
  };
  for (const [k, v] of Object.entries(extra)) if (v) Object.assign(query, { [k]: v });
  return { query, errors };
}

/**
 * English nouns whose plural the stemmer cannot join to the singular ("women" is not stemmed to
 * "woman"): a search for either form must find both.
 */
const IRREGULAR_PLURALS: readonly (readonly string[])[] = [
  ["woman", "women"],
  ["man", "men"],
  ["child", "children"],
  ["person", "people"],
  ["wife", "wives"],
  ["life", "lives"],
  ["criterion", "criteria"],
  ["phenomenon", "phenomena"],
  ["analysis", "analyses"],
  ["crisis", "crises"],
  ["basis", "bases"],
  ["thesis", "theses"],
  ["hypothesis", "hypotheses"],
  ["diagnosis", "diagnoses"],
  ["businessman", "businessmen"],
  ["businesswoman", "businesswomen"],
  ["chairman", "chairmen"],
  ["chairwoman", "chairwomen"],
  ["policeman", "policemen"],
  ["policewoman", "policewomen"],
  ["fisherman", "fishermen"],
  ["tooth", "teeth"],
  ["foot", "feet"],
];
const FORMS = new Map(IRREGULAR_PLURALS.flatMap((group) => group.map((word) => [word, group] as const)));

/**
 * For each word of the query that has an irregular plural, the word as typed and every form
 * it stands for: the search rewrites the one into the others, inside phrases and exclusions too.
 */
export function irregularForms(q: string): { word: string; forms: readonly string[] }[] {
  const words = new Set(q.toLowerCase().match(/[\p{L}]+/gu) ?? []);
  return [...words].flatMap((word) => {
    const forms = FORMS.get(word);
    return forms ? [{ word, forms }] : [];
  });
}
