import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { knownCodes } from "../../reference-data";
import { type OfferForm, type Problems, parseOfferForm } from "../domain/offer";
import { publishersOf } from "../domain/policy";
import { offers } from "../schema";

/** Refused: the actor does not publish for that organisation (or for any). */
export class OfferForbiddenError extends Error {
  readonly code = "OFFERS.FORBIDDEN";
}

/**
 * What the audit trail keeps of an offer's content. An offer may be private to its provider and
 * the secretariat reads the trail, so these are recorded as changed, never copied; the tier,
 * status and capacity stay readable, as they say how far the offer reaches.
 */
export const OFFER_CONTENT_FIELDS = [
  "title",
  "description",
  "language",
  "themes",
  "sdgTargets",
  "supportKinds",
  "workingLanguages",
  "eligibleGroups",
  "eligibleStatuses",
  "eligibleStates",
  "contributionMinor",
  "contributionCurrency",
  "validFrom",
  "validUntil",
];

export type PublishOfferResult = { outcome: "created"; offerId: string } | { outcome: "invalid"; problems: Problems };

/** Publishes an offer for one of the organisations the actor speaks for (the first, unless named). */
export async function publishOffer(
  input: { actor: Actor; organisationId?: string; form: OfferForm; request?: AuditContext },
  deps: { db: Db },
): Promise<PublishOfferResult> {
  const publishers = publishersOf(input.actor);
  const organisationId = input.organisationId || publishers[0];
  if (!organisationId || !publishers.includes(organisationId)) throw new OfferForbiddenError();
  const { value, problems } = parseOfferForm(input.form, await knownCodes({ actor: input.actor }, deps));
  if (!value) return { outcome: "invalid", problems };
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [row] = await db
      .insert(offers)
      .values({ ...value, organisationId, createdBy: input.actor.kind === "user" ? input.actor.userId : null })
      .returning({ id: offers.id });
    await recordAudit(
      db,
      input.actor,
      {
        action: "offer.create",
        subjectType: "offer",
        subjectId: row!.id,
        after: { ...value },
        confidential: OFFER_CONTENT_FIELDS,
        organisationId,
      },
      input.request,
    );
    return { outcome: "created", offerId: row!.id };
  });
}
