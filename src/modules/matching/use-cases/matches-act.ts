import { eq, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { OfferStatusChange } from "../../../platform/offer-status";
import { consumeOfferCapacity, offersForMatching, releaseOfferCapacity } from "../../offers";
import { applyTransition, lockRequest, MATCHABLE_STATES, RESTRICTED_REQUEST_FIELDS } from "../../requests";
import {
  CONSENTED_MATCH_STATES,
  canReadMatch,
  ENDED_WHEN_OFFER_STOPS,
  isMatchAction,
  type MatchAction,
  type MatchRefusal,
  type MatchState,
  offerStatusEffect,
  partyOf,
  REASON_MAX,
  transitionMatch,
} from "../domain/workflow";
import { matchEvents, matches } from "../schema";
import { tellOtherParties } from "./matches-notify";
import { lockMatch, lockMatchesOfOffer, type MatchRow, matchesOfRequest, syncProviderGrant } from "./matches-store";

export type MatchActResult =
  | { outcome: "done"; to: MatchState }
  | {
      outcome: "refused";
      refusal:
        | MatchRefusal
        /** Consent: the request is no longer open to providers (withdrawn, under way elsewhere). */
        | "request-not-open"
        /** Accept: the offer was paused or closed since the proposal; consent: that, or its last place taken. */
        | "offer-unavailable";
    }
  | { outcome: "invalid"; problems: Record<string, { key: string; values?: Record<string, number> }> }
  | { outcome: "not-found" };

/** A refusal found once something was written: thrown to roll the step back whole, then answered. */
class Refused {
  constructor(readonly result: MatchActResult) {}
}

const ENDING: readonly MatchAction[] = ["close", "decline", "revoke"];

/**
 * One step of a match, by one of its parties: accept, consent (with the restricted fields the
 * State shares), activate, close, decline (with a reason), revoke. Load and lock the match →
 * who is the actor to it → may it take the step from here (domain/workflow.ts) → the step's
 * effects, its event, the audit row and the other parties told, in one transaction. A match the
 * actor may not read is not found.
 *
 * Effects: consent grants the provider the scope, takes one place of the offer and marks the
 * request matched; revoke ends the grant (unless another consented match of the provider on the
 * request holds it), gives the place back and reopens the request when no consented match is left;
 * closing and declining end what the match shared. A closed match keeps its place: the work was done.
 */
export async function actOnMatch(
  input: {
    actor: Actor;
    id: string;
    action: MatchAction;
    reason?: string | null;
    /** Consent: the restricted request fields the State shares with the provider. */
    scope?: readonly string[];
    request?: AuditContext;
  },
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<MatchActResult> {
  const { actor, action } = input;
  if (!isMatchAction(action)) return { outcome: "not-found" };
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > REASON_MAX)
    return {
      outcome: "invalid",
      problems: { reason: { key: "matches.error.reasonTooLong", values: { max: REASON_MAX } } },
    };
  const scope = action === "consent" ? [...new Set(input.scope ?? [])] : [];
  if (scope.some((field) => !(RESTRICTED_REQUEST_FIELDS as readonly string[]).includes(field)))
    return { outcome: "invalid", problems: { scope: { key: "matches.error.scopeUnknown" } } };

  try {
    return await deps.db.transaction(async (tx): Promise<MatchActResult> => {
      const db = tx as unknown as Db;
      const match = await lockMatch(db, input.id);
      if (!match || !canReadMatch(actor, match)) return { outcome: "not-found" };
      const party = partyOf(actor, match);
      const verdict = transitionMatch(match.state as MatchState, action, party, reason);
      if (!verdict.ok) return { outcome: "refused", refusal: verdict.refusal };
      const requestRow = await lockRequest(db, match.requestId);
      if (!requestRow) throw new Error(`match ${match.id}: request ${match.requestId} is gone`);
      const canonicalScope = RESTRICTED_REQUEST_FIELDS.filter((field) => scope.includes(field));
      const [offer] = await offersForMatching(db, { ids: [match.offerId] });
      // A provider takes on no match for an offer it no longer offers. Pausing or closing the
      // offer declined its waiting matches (endMatchesOfStoppedOffer); this holds whatever else.
      if (action === "accept" && offer?.status !== "open") return { outcome: "refused", refusal: "offer-unavailable" };

      if (action === "consent") {
        if (!(MATCHABLE_STATES as readonly string[]).includes(requestRow.state))
          return { outcome: "refused", refusal: "request-not-open" };
        if (!(await consumeOfferCapacity(db, match.offerId)))
          return { outcome: "refused", refusal: "offer-unavailable" };
      }
      const [updated] = await db
        .update(matches)
        .set({
          state: verdict.to,
          updatedAt: sql`now()`,
          ...(action === "consent" ? { scope: canonicalScope, consentedAt: sql`now()` } : {}),
          ...(ENDING.includes(action) ? { endedAt: sql`now()` } : {}),
        })
        .where(eq(matches.id, match.id))
        .returning();
      if (action === "consent" || ENDING.includes(action))
        await syncProviderGrant(db, {
          requestId: match.requestId,
          providerOrganisationId: match.providerOrganisationId,
        });
      if (action === "revoke") await releaseOfferCapacity(db, match.offerId);
      const step = await moveRequest(db, action, requestRow, input.request);
      if (step) throw new Refused(step);

      await db.insert(matchEvents).values({
        matchId: match.id,
        action,
        fromState: match.state,
        toState: verdict.to,
        reason,
        scope: action === "consent" ? canonicalScope : null,
        userId: actor.kind === "user" ? actor.userId : null,
      });
      await recordAudit(
        db,
        actor,
        {
          action: `match.${action}`,
          subjectType: "match",
          subjectId: match.id,
          before: { state: match.state },
          after: { state: verdict.to, reason, ...(action === "consent" ? { scope: canonicalScope } : {}) },
          // A reason can say as much as the request itself; the trail records that one was given.
          confidential: ["reason"],
          organisationId: actingOrganisation(party, match),
        },
        input.request,
      );
      await tellOtherParties(
        db,
        {
          actor,
          party,
          match: updated!,
          action,
          requestTitle: requestRow.title,
          offerTitle: offer?.title ?? "",
          reason,
        },
        { publicUrl: deps.config?.publicUrl },
      );
      return { outcome: "done", to: verdict.to };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

function actingOrganisation(party: string, match: MatchRow): string | undefined {
  if (party === "state") return match.stateOrganisationId;
  if (party === "provider") return match.providerOrganisationId;
  return undefined;
}

/**
 * The request follows its matches: consented to, an open request is matched; when the State
 * revokes the last consent it holds before work starts on it, it is open to providers again.
 * Taken by the platform, through the request's own workflow (its event and audit row).
 */
async function moveRequest(
  db: Db,
  action: MatchAction,
  row: NonNullable<Awaited<ReturnType<typeof lockRequest>>>,
  context: AuditContext | undefined,
): Promise<MatchActResult | null> {
  let step: "match" | "reopen" | null = null;
  if (action === "consent" && row.state === "open") step = "match";
  if (action === "revoke" && row.state === "matched") {
    const holding = await matchesOfRequest(db, row.id, CONSENTED_MATCH_STATES);
    if (holding.length === 0) step = "reopen";
  }
  if (!step) return null;
  const moved = await applyTransition(db, systemActor("matching"), row, step, null, { request: context });
  return moved.outcome === "done" ? null : { outcome: "refused", refusal: "request-not-open" };
}

/**
 * The offers module's status change, heard in its transaction (registered in boot.ts, see
 * platform/offer-status.ts; offers cannot call matching, which reads offers). An offer paused or
 * closed takes no new engagement, so its matches still waiting for the State's consent could never
 * go on: the platform declines each, with the reason as a code, its event, its audit row and both
 * sides told (domain/workflow.ts `offerStatusEffect`). Consented and active matches go on and keep
 * their places. The owner who changed the status is not told again of what follows from it.
 */
export async function endMatchesOfStoppedOffer(
  change: OfferStatusChange,
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<{ declined: string[] }> {
  const { db } = deps;
  const declined: string[] = [];
  const waiting = await lockMatchesOfOffer(db, change.offerId, ENDED_WHEN_OFFER_STOPS);
  if (waiting.length === 0) return { declined };
  const platform = systemActor("matching");
  const [offer] = await offersForMatching(db, { ids: [change.offerId] });
  for (const match of waiting) {
    const effect = offerStatusEffect(change.to, match.state as MatchState);
    if (!effect) continue;
    // Locked as a party's step locks it (match, then request), since the grant below is the request's.
    const request = await lockRequest(db, match.requestId);
    const [updated] = await db
      .update(matches)
      .set({ state: "declined", updatedAt: sql`now()`, endedAt: sql`now()` })
      .where(eq(matches.id, match.id))
      .returning();
    // A proposal the State made showed the provider the request's public part: that ends with it.
    await syncProviderGrant(db, { requestId: match.requestId, providerOrganisationId: match.providerOrganisationId });
    await db.insert(matchEvents).values({
      matchId: match.id,
      action: effect.action,
      fromState: match.state,
      toState: "declined",
      reason: effect.reason,
      userId: null,
    });
    await recordAudit(
      db,
      platform,
      {
        action: `match.${effect.action}`,
        subjectType: "match",
        subjectId: match.id,
        before: { state: match.state },
        // The platform's reason is a code, not a party's words: the trail shows it.
        after: { state: "declined", reason: effect.reason },
        organisationId: match.providerOrganisationId,
      },
      change.request,
    );
    await tellOtherParties(
      db,
      {
        actor: change.actor,
        party: effect.by,
        match: updated!,
        action: effect.action,
        requestTitle: request?.title ?? "",
        offerTitle: offer?.title ?? "",
        reason: effect.reason,
      },
      { publicUrl: deps.config?.publicUrl },
    );
    declined.push(match.id);
  }
  return { declined };
}
