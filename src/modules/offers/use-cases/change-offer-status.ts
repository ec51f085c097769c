import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { OfferStatusChange, OfferStatusListener } from "../../../platform/offer-status";
import { isOfferStatus, type OfferStatus, type Problems } from "../domain/offer";
import { canEditOffer } from "../domain/policy";
import { offers } from "../schema";
import { isUuid, visibleOffer } from "../store";
import { OfferForbiddenError } from "./publish-offer";

export type ChangeOfferStatusResult =
  | { outcome: "changed" | "unchanged"; status: OfferStatus }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * What an offer's status change needs besides the database: the modules that follow offers
 * (matching ends the matches a paused or closed offer can no longer take), registered in boot.ts
 * and carried by the platform's services, which pages and the API pass as they are.
 */
export interface OfferStatusDeps {
  db: Db;
  config?: { publicUrl: string };
  offerStatusListeners?: readonly OfferStatusListener[];
}

/** Tells the listeners of a status change, in the transaction `db` that made it. */
export async function tellOfferStatusListeners(db: Db, change: OfferStatusChange, deps: OfferStatusDeps) {
  for (const listener of deps.offerStatusListeners ?? []) await listener(change, { db, config: deps.config });
}

/**
 * Pauses, reopens or closes an offer; only its own organisation may. What follows from it in
 * other modules (a paused or closed offer's waiting matches declined) happens in the same
 * transaction, through the listeners.
 */
export async function changeOfferStatus(
  input: { actor: Actor; offerId: string; status: string; request?: AuditContext },
  deps: OfferStatusDeps,
): Promise<ChangeOfferStatusResult> {
  if (!isUuid(input.offerId)) return { outcome: "not-found" };
  const [found] = await deps.db
    .select({ organisationId: offers.organisationId })
    .from(offers)
    .where(and(eq(offers.id, input.offerId), visibleOffer(input.actor)));
  if (!found) return { outcome: "not-found" };
  if (!canEditOffer(input.actor, found)) throw new OfferForbiddenError();
  const status = input.status.trim();
  if (!isOfferStatus(status)) return { outcome: "invalid", problems: { status: { key: "offers.error.status" } } };

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [current] = await db
      .select({ status: offers.status })
      .from(offers)
      .where(eq(offers.id, input.offerId))
      .for("update");
    if (!current) return { outcome: "not-found" };
    if (current.status === status) return { outcome: "unchanged", status };
    await db.update(offers).set({ status, updatedAt: sql`now()` }).where(eq(offers.id, input.offerId));
    await recordAudit(
      db,
      input.actor,
      {
        action: "offer.status",
        subjectType: "offer",
        subjectId: input.offerId,
        before: { status: current.status },
        after: { status },
        organisationId: found.organisationId,
      },
      input.request,
    );
    await tellOfferStatusListeners(
      db,
      { actor: input.actor, offerId: input.offerId, from: current.status, to: status, request: input.request },
      deps,
    );
    return { outcome: "changed", status };
  });
}
