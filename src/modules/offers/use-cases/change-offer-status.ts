import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { isOfferStatus, type OfferStatus, type Problems } from "../domain/offer";
import { canEditOffer } from "../domain/policy";
import { offers } from "../schema";
import { isUuid, visibleOffer } from "../store";
import { OfferForbiddenError } from "./publish-offer";

export type ChangeOfferStatusResult =
  | { outcome: "changed" | "unchanged"; status: OfferStatus }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/** Pauses, reopens or closes an offer; only its own organisation may. */
export async function changeOfferStatus(
  input: { actor: Actor; offerId: string; status: string; request?: AuditContext },
  deps: { db: Db },
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
    return { outcome: "changed", status };
  });
}
