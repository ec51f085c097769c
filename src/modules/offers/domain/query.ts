import {
  PROVIDER_GROUPS,
  PROVIDER_TYPES,
  SUPPORT_KINDS,
  WORKING_LANGUAGES,
} from "../../../platform/support-vocabulary";
import { ELIGIBLE_STATUSES, OFFER_STATUSES } from "./offer";

/**
 * The offers list's filters, one per facet, as `/offers` and `GET /api/v1/offers` read them.
 * `group` and `status` are the limits an offer names; `any` picks offers with no limit of that kind.
 */
export const OFFER_FACETS = [
  "theme",
  "sdg",
  "kind",
  "group",
  "status",
  "providerType",
  "language",
  "offerStatus",
  "age",
] as const;
export type OfferFacet = (typeof OFFER_FACETS)[number];

/** How long ago an offer was published: within 30 days, within 90 days, or before that. */
export const AGE_BUCKETS = ["30d", "90d", "older"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const NO_LIMIT = "any";

export interface OfferQuery extends Partial<Record<OfferFacet, string>> {
  q: string;
  limit: number;
  offset: number;
}

const ALLOWED: Partial<Record<OfferFacet, readonly string[]>> = {
  kind: SUPPORT_KINDS,
  group: [...PROVIDER_GROUPS, NO_LIMIT],
  status: [...ELIGIBLE_STATUSES, NO_LIMIT],
  providerType: PROVIDER_TYPES,
  language: WORKING_LANGUAGES,
  offerStatus: OFFER_STATUSES,
  age: AGE_BUCKETS,
};

const SDG = /^(?:[1-9]|1[0-7])(?:\.(?:[1-9]|10|[a-z]))?$/;

/** Reads the parameters; each one it cannot read is named (its value is left out). Pure. */
export function parseOfferQuery(params: URLSearchParams): { query: OfferQuery; invalid: string[] } {
  const invalid: string[] = [];
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const query: OfferQuery = { q: (get("q") ?? "").slice(0, 500), limit: 20, offset: 0 };
  for (const facet of OFFER_FACETS) {
    const value = get(facet);
    if (value === undefined) continue;
    const allowed = ALLOWED[facet];
    const ok = allowed
      ? allowed.includes(value)
      : facet === "sdg"
        ? SDG.test(value)
        : value.length <= 100 && /^[\w:.-]+$/.test(value);
    if (ok) query[facet] = value;
    else invalid.push(facet);
  }
  const limit = get("limit");
  if (limit !== undefined) {
    if (/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100) query.limit = Number(limit);
    else invalid.push("limit");
  }
  const offset = get("offset");
  if (offset !== undefined) {
    if (/^\d{1,7}$/.test(offset)) query.offset = Number(offset);
    else invalid.push("offset");
  }
  return { query, invalid };
}
