import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { type StatusDeps, tellStatusListeners } from "../../../platform/status-listeners";
import { knownCodes } from "../../reference-data";
import { isSameOffer, type OfferForm, type Problems, parseOfferForm } from "../domain/offer";
import { canEditOffer } from "../domain/policy";
import { offers } from "../schema";
import { contentOf, isUuid, visibleOffer } from "../store";
import { OFFER_CONTENT_FIELDS, OfferForbiddenError } from "./publish-offer";

export type UpdateOfferResult =
  | { outcome: "saved" | "unchanged"; offerId: string }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * Saves an offer's new content. An offer the actor may not see is not found (never "forbidden",
 * so a private offer is not hinted at); one it sees but does not own is refused.
 */
export async function updateOffer(
  input: { actor: Actor; offerId: string; form: OfferForm; request?: AuditContext },
  deps: StatusDeps,
): Promise<UpdateOfferResult> {
  if (!isUuid(input.offerId)) return { outcome: "not-found" };
  const [found] = await deps.db
    .select({ organisationId: offers.organisationId, status: offers.status })
    .from(offers)
    .where(and(eq(offers.id, input.offerId), visibleOffer(input.actor)));
  if (!found) return { outcome: "not-found" };
  if (!canEditOffer(input.actor, found)) throw new OfferForbiddenError();
  // The status has its own buttons: a form that does not send one keeps it.
  const form = { ...input.form, status: input.form.status ?? found.status };
  const { value, problems } = parseOfferForm(form, await knownCodes({ actor: input.actor }, deps));
  if (!value) return { outcome: "invalid", problems };

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [current] = await db.select().from(offers).where(eq(offers.id, input.offerId)).for("update");
    if (!current) return { outcome: "not-found" };
    // Matches already made hold their places: capacity cannot drop below them.
    if (value.capacity < current.engagements)
      return {
        outcome: "invalid",
        problems: { capacity: { key: "offers.error.capacityEngaged", values: { engagements: current.engagements } } },
      };
    const before = contentOf(current);
    if (isSameOffer(before, value)) return { outcome: "unchanged", offerId: current.id };
    await db
      .update(offers)
      .set({ ...value, updatedAt: sql`now()` })
      .where(eq(offers.id, current.id));
    await recordAudit(
      db,
      input.actor,
      {
        action: "offer.update",
        subjectType: "offer",
        subjectId: current.id,
        before: { ...before },
        after: { ...value },
        confidential: OFFER_CONTENT_FIELDS,
        organisationId: current.organisationId,
      },
      input.request,
    );
    // The API's update may carry a new status: it has the same consequences as the status buttons.
    if (value.status !== current.status)
      await tellStatusListeners(
        db,
        "offer",
        { actor: input.actor, id: current.id, from: current.status, to: value.status, request: input.request },
        deps,
      );
    return { outcome: "saved", offerId: current.id };
  });
}
