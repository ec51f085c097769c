import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { nextStatuses } from "../domain/offer";
import { canEditOffer } from "../domain/policy";
import { offers } from "../schema";
import { isUuid, presentOffer, selectOffers, visibleOffer } from "../store";

/** One offer as the actor may read it, with what it may do to it; null when it may not see it. */
export async function getOffer({ actor, id }: { actor: Actor; id: string }, deps: { db: Db }) {
  if (!isUuid(id)) return null;
  const [row] = await selectOffers(deps.db).where(and(eq(offers.id, id), visibleOffer(actor)));
  if (!row) return null;
  const offer = presentOffer(row);
  const canEdit = canEditOffer(actor, row);
  return { ...offer, canEdit, nextStatuses: canEdit ? nextStatuses(offer.status) : [] };
}
