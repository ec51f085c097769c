import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { type StatusDeps, tellStatusListeners } from "../../../platform/status-listeners";
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
 * Pauses, reopens or closes an offer; only its own organisation may. What follows from it in
 * other modules (a paused or closed offer's waiting matches declined) happens in the same
 * transaction, through the listeners registered in boot.ts (platform/status-listeners.ts), which
 * pages and the API pass with the platform's services. The offer row is locked first: every path
 * that touches an offer and its matches takes the offer before the matches (matches-act.ts).
 */
export async function changeOfferStatus(
  input: { actor: Actor; offerId: string; status: string; request?: AuditContext },
  deps: StatusDeps,
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
    await tellStatusListeners(
      db,
      "offer",
      { actor: input.actor, id: input.offerId, from: current.status, to: status, request: input.request },
      deps,
    );
    return { outcome: "changed", status };
  });
}
