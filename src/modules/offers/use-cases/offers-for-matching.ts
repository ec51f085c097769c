import { and, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { offers as o } from "../schema";
import { type Offer, presentOffer, selectOffers, visibleOffer } from "../store";

/**
 * Offers as the matching module scores them: every field scoring reads, with the provider type.
 * No visibility filter: scoring is the platform's own work; what anyone is shown of the result
 * goes through `visibleOffersByIds`. `changedSince` gives the offers changed after a moment
 * (any status: the caller drops those no longer open).
 */
export async function offersForMatching(
  db: Db,
  filter: { changedSince?: Date; ids?: readonly string[]; openOnly?: boolean } = {},
) {
  const conditions: SQL[] = [];
  // A full rebuild needs only open offers; changes need the others too (a closed offer leaves the lists).
  if (filter.openOnly) conditions.push(eq(o.status, "open"));
  if (filter.changedSince) conditions.push(gt(o.updatedAt, filter.changedSince));
  if (filter.ids) conditions.push(inArray(o.id, [...filter.ids]));
  const rows = await selectOffers(db)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(o.updatedAt));
  return rows.map((row) => ({ ...presentOffer(row), changedAt: new Date(row.updatedAt) }));
}

/** The offers among `ids` the actor may see, as pages show them (in no particular order). */
export async function visibleOffersByIds(actor: Actor, ids: readonly string[], deps: { db: Db }): Promise<Offer[]> {
  if (ids.length === 0) return [];
  const rows = await selectOffers(deps.db).where(and(inArray(o.id, [...ids]), visibleOffer(actor)));
  return rows.map(presentOffer);
}
