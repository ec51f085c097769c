import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { offersForMatching } from "../../offers";
import { listCountries, REGIONAL_GROUPS } from "../../reference-data";
import { openRequestsForGaps } from "../../requests";
import { buildGapMap, type GapAudience, type GapDimension, type GapMap } from "../domain/gap-map";
import { can } from "../domain/policy";

/**
 * The gap map for one reader: the full picture for those the policy allows (secretariat officers
 * and the advisory committee), the public figures for everyone else, signed in or not. One query
 * for the open requests, one for the offers, one for the States; counting is the domain's.
 */
export async function getGapMap(
  input: { actor: Actor; dimension: GapDimension; now?: Date },
  deps: { db: Db },
): Promise<GapMap & { asOf: string }> {
  const { actor, dimension } = input;
  const now = input.now ?? new Date();
  const audience: GapAudience = can(actor, "matching.gaps.full") ? "full" : "public";
  // The public version never loads a request public figures may not count.
  const requests = await openRequestsForGaps(deps.db, { publicOnly: audience === "public", now });
  const offers = await offersForMatching(deps.db);
  const countries = await listCountries({ actor, filter: {}, locale: "en" }, deps);
  const map = buildGapMap({
    dimension,
    audience,
    requests,
    offers,
    states: countries.map((c) => ({ iso3: c.iso3, regionalGroup: c.regionalGroup, statuses: c.statuses })),
    groups: REGIONAL_GROUPS,
    today: now.toISOString().slice(0, 10),
  });
  return { ...map, asOf: now.toISOString() };
}
