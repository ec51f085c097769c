import { and, desc, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { publishersOf } from "../domain/policy";
import { offers } from "../schema";
import { presentOffer, selectOffers, visibleOffer } from "../store";

/** The offers of the organisations the actor publishes for, newest first: a provider's own list. */
export async function listOwnOffers({ actor }: { actor: Actor }, deps: { db: Db }) {
  const organisations = publishersOf(actor);
  if (organisations.length === 0) return [];
  const rows = await selectOffers(deps.db)
    .where(and(inArray(offers.organisationId, organisations), visibleOffer(actor)))
    .orderBy(desc(offers.createdAt), desc(offers.seq));
  return rows.map(presentOffer);
}
