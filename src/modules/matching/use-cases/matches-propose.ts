import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { VisibilityTier } from "../../../platform/visibility";
import { lockOffers, visibleOffersByIds } from "../../offers";
import { effectiveTier, grantRowsOf, MATCHABLE_STATES, type RequestState, visibleRequestRow } from "../../requests";
import type { Ineligibility } from "../domain/score";
import { initialMatchState, MESSAGE_MAX, type Proposer, partyOf } from "../domain/workflow";
import { matchEvents, matches } from "../schema";
import { explainPair } from "./explain-pair";
import { tellOtherParties } from "./matches-notify";
import { isUuid, liveMatchOf, syncProviderGrant } from "./matches-store";

export type ProposeRefusal =
  /** The actor speaks neither for the State, nor for the provider, nor as the secretariat. */
  | "not-a-party"
  | "request-not-open"
  /** The offer is paused or closed, or its capacity is used up. */
  | "offer-unavailable"
  /** A hard rule of the score (the offer does not cover the State, or is the State's own). */
  | "ineligible"
  | "already-proposed"
  /** The secretariat may not put a request before a provider the State keeps it from. */
  | "hidden-from-provider";

export type ProposeResult =
  | { outcome: "proposed"; id: string; state: string }
  | { outcome: "refused"; refusal: ProposeRefusal; why?: Ineligibility | "missing" }
  | { outcome: "invalid"; problems: Record<string, { key: string; values?: Record<string, number> }> }
  | { outcome: "not-found" };

const PROVIDERS_SEE: readonly VisibilityTier[] = ["providers", "public"];

/**
 * Proposes a match between a request and an offer, as the provider, the State or the
 * secretariat: load both as the actor may see them → who is it to them → are they still open and
 * is the pair eligible → one transaction with the match, its first event, the audit row and the
 * other parties told. The score and its reasons are kept, so the parties read why. A request or
 * an offer the actor may not see is not found, so the answer hints at nothing.
 */
export async function proposeMatch(
  input: {
    actor: Actor;
    requestId: string;
    offerId: string;
    message?: string | null;
    request?: AuditContext;
  },
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<ProposeResult> {
  const { actor } = input;
  const message = (input.message ?? "").trim();
  if (message.length > MESSAGE_MAX)
    return {
      outcome: "invalid",
      problems: { message: { key: "matches.error.messageTooLong", values: { max: MESSAGE_MAX } } },
    };
  if (!isUuid(input.requestId) || !isUuid(input.offerId)) return { outcome: "not-found" };
  return deps.db.transaction(async (tx): Promise<ProposeResult> => {
    const db = tx as unknown as Db;
    // The request is locked first, so two proposals of the same pair are taken one after the other;
    // then the offer, so one closing meanwhile either sees this match or is seen closed here (the
    // lock order of matches-act.ts).
    const row = await visibleRequestRow(db, actor, input.requestId, { lock: true });
    if (row) await lockOffers(db, [input.offerId]);
    const [offer] = await visibleOffersByIds(actor, [input.offerId], { db });
    if (!row || !offer) return { outcome: "not-found" };
    const party = partyOf(actor, {
      stateOrganisationId: row.organisationId,
      providerOrganisationId: offer.provider.id,
    });
    if (party === "other") return { outcome: "refused", refusal: "not-a-party" };
    if (!(MATCHABLE_STATES as readonly string[]).includes(row.state))
      return { outcome: "refused", refusal: "request-not-open" };
    if (offer.status !== "open" || offer.capacityLeft <= 0) return { outcome: "refused", refusal: "offer-unavailable" };
    const explained = await explainPair(db, { requestId: row.id, offerId: offer.id });
    if (!explained.eligible) return { outcome: "refused", refusal: "ineligible", why: explained.why };
    if (await liveMatchOf(db, { requestId: row.id, offerId: offer.id }))
      return { outcome: "refused", refusal: "already-proposed" };
    if (party === "secretariat") {
      const tier = effectiveTier(row.state as RequestState, row.visibility as VisibilityTier, row.submittedAt !== null);
      const granted = (await grantRowsOf(db, row.id)).some((g) => g.organisationId === offer.provider.id);
      if (!PROVIDERS_SEE.includes(tier) && !granted) return { outcome: "refused", refusal: "hidden-from-provider" };
    }

    const proposer: Proposer = party;
    const state = initialMatchState(proposer);
    const [match] = await db
      .insert(matches)
      .values({
        requestId: row.id,
        offerId: offer.id,
        stateOrganisationId: row.organisationId,
        providerOrganisationId: offer.provider.id,
        state,
        proposedBy: proposer,
        message,
        score: explained.score,
        reasons: explained.reasons,
        weightsVersion: explained.weightsVersion,
        createdBy: actor.kind === "user" ? actor.userId : null,
      })
      .returning();
    await db.insert(matchEvents).values({
      matchId: match!.id,
      action: "propose",
      fromState: null,
      toState: state,
      userId: actor.kind === "user" ? actor.userId : null,
    });
    // The State that proposes its own request shows the provider its public part, so the provider
    // can weigh it before accepting; nothing restricted is shared before consent.
    if (proposer === "state")
      await syncProviderGrant(db, { requestId: row.id, providerOrganisationId: offer.provider.id });
    await recordAudit(
      db,
      actor,
      {
        action: "match.propose",
        subjectType: "match",
        subjectId: match!.id,
        after: {
          requestId: row.id,
          offerId: offer.id,
          state,
          proposedBy: proposer,
          score: explained.score,
          message: message || null,
        },
        // A message may say as much as the request itself; the trail records that one was written.
        confidential: ["message"],
        organisationId: party === "state" ? row.organisationId : party === "provider" ? offer.provider.id : undefined,
      },
      input.request,
    );
    await tellOtherParties(
      db,
      { actor, party, match: match!, action: "propose", requestTitle: row.title, offerTitle: offer.title },
      { publicUrl: deps.config?.publicUrl },
    );
    return { outcome: "proposed", id: match!.id, state };
  });
}
