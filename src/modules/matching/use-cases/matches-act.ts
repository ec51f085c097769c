import { eq, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { StatusChange } from "../../../platform/status-listeners";
import { consumeOfferCapacity, lockOffers, offersForMatching, releaseOfferCapacity } from "../../offers";
import { applyTransition, lockRequest, MATCHABLE_STATES, RESTRICTED_REQUEST_FIELDS, readRequest } from "../../requests";
import {
  CONSENTED_MATCH_STATES,
  canReadMatch,
  ENDED_WHEN_OFFER_STOPS,
  ENDED_WHEN_REQUEST_STOPS,
  isMatchAction,
  type MatchAction,
  type MatchRefusal,
  type MatchState,
  offerStatusEffect,
  type PlatformStep,
  partyOf,
  REASON_MAX,
  requestStatusEffect,
  transitionMatch,
} from "../domain/workflow";
import { matchEvents, matches } from "../schema";
import { tellOtherParties } from "./matches-notify";
import {
  lockMatch,
  lockMatchesOfOffer,
  lockMatchesOfRequest,
  type MatchRow,
  matchesOfRequest,
  matchPairOf,
  syncProviderGrant,
  syncProviderGrants,
} from "./matches-store";

/*
 * Lock order. A match's step changes its request (matched, reopened, the grant), its offer (a
 * place taken or given back) and itself; the request and offer modules change their records first
 * and then tell this module, holding their lock. On PostgreSQL two transactions that take the same
 * rows in different orders can deadlock, so every path here takes them in one order:
 *
 *   request → offers (by id) → matches (by seq) → grants (by request and provider, advisory)
 *
 * - A party's step (actOnMatch) reads which request and offer the match joins without a lock (they
 *   never change), locks the request, then the offer, then the match, and only then judges the
 *   match's state, so a step that waited sees what the one before it did.
 * - A proposal locks the request, then the offer (matches-propose.ts).
 * - A request's status change (endMatchesOfEndedRequest): the requests module holds the request
 *   and tells this module before it drops a withdrawn request's grants (grant rows are locked
 *   last too); this locks the offers of its matches, then the matches, and judges them afresh.
 * - An offer's status change (endMatchesOfStoppedOffer): the offers module holds the offer; this
 *   locks its waiting matches and never a request, which would come after the offer here but
 *   before it everywhere else: it reads the request's title unlocked. The grant the match held
 *   is kept in step by the grant's own lock (syncProviderGrant), the last in the order.
 */

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
      const pair = await matchPairOf(db, input.id);
      if (!pair || !canReadMatch(actor, pair)) return { outcome: "not-found" };
      // In the one order every path takes (above): request, offer, match.
      const requestRow = await lockRequest(db, pair.requestId);
      if (!requestRow) throw new Error(`match ${input.id}: request ${pair.requestId} is gone`);
      await lockOffers(db, [pair.offerId]);
      const match = await lockMatch(db, input.id);
      if (!match) return { outcome: "not-found" };
      const party = partyOf(actor, match);
      const verdict = transitionMatch(match.state as MatchState, action, party, reason);
      if (!verdict.ok) return { outcome: "refused", refusal: verdict.refusal };
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
 * platform/status-listeners.ts; offers cannot call matching, which reads offers). An offer paused
 * or closed takes no new engagement, so its matches still waiting for the State's consent could
 * never go on: the platform declines each (domain/workflow.ts `offerStatusEffect`). Consented and
 * active matches go on and keep their places.
 */
export async function endMatchesOfStoppedOffer(
  change: StatusChange,
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<{ ended: string[] }> {
  const { db } = deps;
  // The offers module holds the offer's lock; the matches come next, and no request (see above).
  const waiting = await lockMatchesOfOffer(db, change.id, ENDED_WHEN_OFFER_STOPS);
  const steps = waiting.flatMap((match) => {
    const step = offerStatusEffect(change.to, match.state as MatchState);
    return step ? [{ match, step }] : [];
  });
  if (steps.length === 0) return { ended: [] };
  const [offer] = await offersForMatching(db, { ids: [change.id] });
  const titles = new Map<string, string>();
  for (const { match } of steps)
    if (!titles.has(match.requestId))
      titles.set(match.requestId, (await readRequest(db, match.requestId))?.title ?? "");
  for (const { match, step } of steps)
    await takePlatformStep(db, change, match, step, {
      requestTitle: titles.get(match.requestId) ?? "",
      offerTitle: offer?.title ?? "",
      organisationId: match.providerOrganisationId,
      publicUrl: deps.config?.publicUrl,
    });
  await syncProviderGrants(
    db,
    steps.map(({ match }) => match),
  );
  return { ended: steps.map(({ match }) => match.id) };
}

/**
 * The requests module's status change, heard in its transaction (registered in boot.ts, as for
 * offers). A request withdrawn, under way or completed strands the matches that can no longer go
 * on; the platform declines, revokes or closes each (domain/workflow.ts `requestStatusEffect`).
 * A revoked match gives its place back to its offer; a closed one keeps it (the help was given).
 * The request itself is not moved again: its own step is what ended the matches. Withdrawing
 * already ended every grant of the request; the grants are brought in line with what is left.
 */
export async function endMatchesOfEndedRequest(
  change: StatusChange,
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<{ ended: string[] }> {
  const { db } = deps;
  // The requests module holds the request's lock. A first look, unlocked, finds the offers to lock
  // before the matches (see above); the matches are judged again once locked.
  const seen = await matchesOfRequest(db, change.id, ENDED_WHEN_REQUEST_STOPS);
  if (!seen.some((match) => requestStatusEffect(change.to, match.state as MatchState))) return { ended: [] };
  await lockOffers(
    db,
    seen.map((match) => match.offerId),
  );
  const live = await lockMatchesOfRequest(db, change.id, ENDED_WHEN_REQUEST_STOPS);
  const steps = live.flatMap((match) => {
    const step = requestStatusEffect(change.to, match.state as MatchState);
    return step ? [{ match, step }] : [];
  });
  const request = await lockRequest(db, change.id);
  const offerTitles = new Map(
    (await offersForMatching(db, { ids: steps.map(({ match }) => match.offerId) })).map((o) => [o.id, o.title]),
  );
  for (const { match, step } of steps) {
    // Its offer is locked: the request's lock keeps new matches out, so the first look saw them all.
    if (step.action === "revoke") await releaseOfferCapacity(db, match.offerId);
    await takePlatformStep(db, change, match, step, {
      requestTitle: request?.title ?? "",
      offerTitle: offerTitles.get(match.offerId) ?? "",
      organisationId: match.stateOrganisationId,
      publicUrl: deps.config?.publicUrl,
    });
  }
  await syncProviderGrants(
    db,
    steps.map(({ match }) => match),
  );
  return { ended: steps.map(({ match }) => match.id) };
}

/**
 * One step the platform takes on a locked match, for a change elsewhere: the new state, the event
 * with the reason as a code, the audit row and both sides told. The one whose act caused it is
 * not told again of what follows from it. The caller syncs the grants once all its steps are taken.
 */
async function takePlatformStep(
  db: Db,
  change: StatusChange,
  match: MatchRow,
  step: PlatformStep,
  context: { requestTitle: string; offerTitle: string; organisationId: string; publicUrl?: string },
) {
  const verdict = transitionMatch(match.state as MatchState, step.action, step.by, step.reason);
  if (!verdict.ok) throw new Error(`match ${match.id}: the platform cannot ${step.action} it (${verdict.refusal})`);
  const [updated] = await db
    .update(matches)
    .set({ state: verdict.to, updatedAt: sql`now()`, endedAt: sql`now()` })
    .where(eq(matches.id, match.id))
    .returning();
  await db.insert(matchEvents).values({
    matchId: match.id,
    action: step.action,
    fromState: match.state,
    toState: verdict.to,
    reason: step.reason,
    userId: null,
  });
  await recordAudit(
    db,
    systemActor("matching"),
    {
      action: `match.${step.action}`,
      subjectType: "match",
      subjectId: match.id,
      before: { state: match.state },
      // The platform's reason is a code, not a party's words: the trail shows it.
      after: { state: verdict.to, reason: step.reason },
      organisationId: context.organisationId,
    },
    change.request,
  );
  await tellOtherParties(
    db,
    {
      actor: change.actor,
      party: step.by,
      match: updated!,
      action: step.action,
      requestTitle: context.requestTitle,
      offerTitle: context.offerTitle,
      reason: step.reason,
    },
    { publicUrl: context.publicUrl },
  );
}
