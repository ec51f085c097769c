import { pageOf, queryReader } from "../../../platform/query-params";

/** A search of the updates, as the list page and the API read it from the address. */
export interface UpdateQuery {
  q: string;
  theme?: string;
  /** An SDG goal, "1" to "17": matches every target under it. */
  sdg?: string;
  /** Regional group of the State. */
  group?: string;
  /** A development status of the State: ldc, lldc or sids. */
  status?: string;
  state?: string;
  year?: number;
  limit: number;
  offset: number;
}

export const UPDATE_FACETS = ["state", "group", "status", "theme", "sdg", "year"] as const;
export type UpdateFacet = (typeof UPDATE_FACETS)[number];

/** Reads query parameters; each problem is named by its parameter, in words for API callers. Pure. */
export function parseUpdateQuery(params: URLSearchParams): { query: UpdateQuery; errors: Record<string, string> } {
  const reader = queryReader(params);
  const { errors, get, int } = reader;
  const query: UpdateQuery = {
    q: (get("q") ?? "").slice(0, 500),
    ...pageOf(reader),
  };
  const theme = get("theme");
  if (theme && theme.length <= 100) query.theme = theme;
  else if (theme) errors.theme = "a theme code, as listed by /vocabularies";
  const sdg = get("sdg");
  if (sdg && /^(1[0-7]|[1-9])$/.test(sdg)) query.sdg = sdg;
  else if (sdg) errors.sdg = "an SDG goal from 1 to 17";
  const group = get("group");
  if (group && /^[a-z][a-z-]{1,40}$/.test(group)) query.group = group;
  else if (group) errors.group = "a regional group, such as asia-pacific";
  const status = get("status");
  if (status && ["ldc", "lldc", "sids"].includes(status)) query.status = status;
  else if (status) errors.status = "one of ldc, lldc, sids";
  const state = get("state")?.toUpperCase();
  if (state && /^[A-Z]{3}$/.test(state)) query.state = state;
  else if (state) errors.state = "an ISO 3166 alpha-3 code, such as FJI";
  if (get("year") !== undefined) {
    const year = int("year", 2000, 2100, 0);
    if (year) query.year = year;
  }
  return { query, errors };
}
