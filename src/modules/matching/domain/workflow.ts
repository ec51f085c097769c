import { type Actor, effectiveMemberships, type Membership } from "../../../platform/actor";
import { canSee, type VisibleRecord } from "../../../platform/visibility";

/**
 * A match between a request and an offer moves through the steps of issue 6: proposed (by the
 * provider, the secretariat or the State choosing a suggestion), accepted by the provider,
 * consented to by the State (which chooses what the provider reads), active once work starts,
 * closed when it ends. Either side declines before consent, with a reason; the State revokes its
 * consent at any time after, which ends the match. Use cases ask this file before they write.
 */
export const MATCH_STATES = ["proposed", "accepted", "consented", "active", "closed", "declined", "revoked"] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const MATCH_ACTIONS = ["accept", "consent", "activate", "close", "decline", "revoke"] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/** The states of a match still under way: the database allows one per request and offer. */
export const LIVE_MATCH_STATES = ["proposed", "accepted", "consented", "active"] as const satisfies MatchState[];
/** The states in which the State's consent holds: the provider reads what it was granted. */
export const CONSENTED_MATCH_STATES = ["consented", "active"] as const satisfies MatchState[];

/**
 * Who is acting, as far as one match goes. State: a focal point of the State that asked.
 * Provider: one who speaks for the organisation that offers (its provider or State focal point,
 * or an officer when the secretariat itself offers). Secretariat: an officer with a second
 * factor. Anyone else, including the advisory committee, may read a match but not act on it.
 */
export type MatchParty = "state" | "provider" | "secretariat" | "other";
export type Proposer = "state" | "provider" | "secretariat";

/**
 * Who may take a step: a party, or the platform itself when something outside the match ends it
 * (its offer stops taking new engagements, its request is withdrawn, under way or completed). The
 * platform is nobody's party, so no page offers it.
 */
export type MatchStepTaker = MatchParty | "platform";

interface Rule {
  from: readonly MatchState[];
  to: MatchState;
  by: readonly MatchStepTaker[];
  /** The action must say why (declining). */
  needsReason?: boolean;
  /** Where the platform may take it from, when that differs from the parties' `from`. */
  platformFrom?: readonly MatchState[];
}

/** The whole workflow, one line per action. */
export const MATCH_RULES: Readonly<Record<MatchAction, Rule>> = {
  accept: { from: ["proposed"], to: "accepted", by: ["provider"] },
  // The State's consent records the restricted fields it shares (a subset, possibly none).
  consent: { from: ["accepted"], to: "consented", by: ["state"] },
  // Either side, or the secretariat that follows the work, says when it starts and when it ends.
  activate: { from: ["consented"], to: "active", by: ["state", "provider", "secretariat"] },
  // The platform closes the matches of a completed request, started or not: the request says the
  // work was done, and nobody is bound to have pressed "started" first.
  close: {
    from: ["active"],
    to: "closed",
    by: ["state", "provider", "secretariat", "platform"],
    platformFrom: ["consented", "active"],
  },
  // The platform declines too, for a match whose offer or request stopped before consent.
  decline: { from: ["proposed", "accepted"], to: "declined", by: ["state", "provider", "platform"], needsReason: true },
  // Consent is the State's to withdraw, at any time, with no reason owed; withdrawing its request
  // withdraws all of it at once, which the platform carries out on each match.
  revoke: { from: ["consented", "active"], to: "revoked", by: ["state", "platform"] },
};

export function isMatchAction(value: unknown): value is MatchAction {
  return (MATCH_ACTIONS as readonly unknown[]).includes(value);
}

export function isMatchState(value: unknown): value is MatchState {
  return (MATCH_STATES as readonly unknown[]).includes(value);
}

export type MatchRefusal = "not-for-this-party" | "not-from-this-state" | "reason-required";
export type MatchTransition = { ok: true; to: MatchState } | { ok: false; refusal: MatchRefusal };

/** Whether `party` may take `action` on a match in `state`, and where it leads. */
export function transitionMatch(
  state: MatchState,
  action: MatchAction,
  party: MatchStepTaker,
  reason?: string | null,
): MatchTransition {
  const rule = MATCH_RULES[action];
  if (!rule.by.includes(party)) return { ok: false, refusal: "not-for-this-party" };
  const from = party === "platform" ? (rule.platformFrom ?? rule.from) : rule.from;
  if (!from.includes(state)) return { ok: false, refusal: "not-from-this-state" };
  if (rule.needsReason && !reason?.trim()) return { ok: false, refusal: "reason-required" };
  return { ok: true, to: rule.to };
}

/** The actions a party may take on a match in a state: what a page offers. */
export function availableMatchActions(state: MatchState, party: MatchParty): MatchAction[] {
  return MATCH_ACTIONS.filter((a) => MATCH_RULES[a].from.includes(state) && MATCH_RULES[a].by.includes(party));
}

/**
 * The reasons the platform gives when it ends a match, kept as codes in the match's history and
 * in its notification, where pages and messages name them in the reader's language (a party's
 * reason is its own words, shown as written; one that wrote exactly a code would read as the
 * platform's sentence, which says the same). One word each: the notification's message chooses
 * its sentence by them, and ICU keys take no hyphen.
 */
export const PLATFORM_REASONS = [
  "offerClosed",
  "offerPaused",
  "requestWithdrawn",
  "requestInImplementation",
  "requestCompleted",
] as const;
export type PlatformReason = (typeof PLATFORM_REASONS)[number];

export function isPlatformReason(value: unknown): value is PlatformReason {
  return (PLATFORM_REASONS as readonly unknown[]).includes(value);
}

/**
 * What the platform does to a match when its offer's status changes (offers are open, paused or
 * closed). An offer that stops taking new engagements cannot take this match any more: before the
 * State's consent nothing was agreed, so the platform declines it, saying why, rather than leave
 * both sides waiting on a step that cannot come (consent takes a place of an open offer only).
 * After consent the help was agreed: the match goes on and keeps its place, since pausing or
 * closing an offer stops new takers, not the work already promised. Reopening ends nothing.
 */
export function offerStatusEffect(offerStatus: string, matchState: MatchState): PlatformStep | null {
  const reason = offerStatus === "closed" ? "offerClosed" : offerStatus === "paused" ? "offerPaused" : null;
  if (!reason || !transitionMatch(matchState, "decline", "platform", reason).ok) return null;
  return { action: "decline", by: "platform", reason };
}

/** A step the platform takes on a match because its offer or its request changed. */
export interface PlatformStep {
  action: "decline" | "revoke" | "close";
  by: "platform";
  reason: PlatformReason;
}

/**
 * What the platform does to a match when its request's status changes. Matches are proposed and
 * consented to only while the request is open or matched (MATCHABLE_STATES in the requests
 * module); the request leaves those states in three ways, each ending the matches it strands:
 *
 * - withdrawn (from any step before completion): the State takes back everything it shared
 *   (decision 014), so nothing can go on. Waiting matches are declined; consented and active ones
 *   are revoked, as the State revoking its consent would, giving their places back to the offers.
 * - in implementation: the State chose the help it goes ahead with. Waiting matches can never be
 *   consented to any more, so they are declined; consented and active ones are that help and go on.
 * - completed: the work is done. Consented and active matches are closed, keeping their places (as
 *   a closed match does: the help was given), whether or not anyone marked them started; a match
 *   still waiting, which implementation should already have ended, is declined.
 *
 * The other steps keep a request matchable (reopen), never had matches (draft, submitted,
 * screening, returned: screening returns a request before it is ever open), or come after
 * completion (reported back), so they end nothing.
 */
export function requestStatusEffect(requestStatus: string, matchState: MatchState): PlatformStep | null {
  const plan: Partial<Record<string, { reason: PlatformReason; consented: "revoke" | "close" | null }>> = {
    withdrawn: { reason: "requestWithdrawn", consented: "revoke" },
    "in-implementation": { reason: "requestInImplementation", consented: null },
    completed: { reason: "requestCompleted", consented: "close" },
  };
  const step = plan[requestStatus];
  if (!step) return null;
  const consented = (CONSENTED_MATCH_STATES as readonly MatchState[]).includes(matchState);
  const action = consented ? step.consented : "decline";
  if (!action || !transitionMatch(matchState, action, "platform", step.reason).ok) return null;
  return { action, by: "platform", reason: step.reason };
}

/** The states of the matches a request's leaving the matchable states may end: all still under way. */
export const ENDED_WHEN_REQUEST_STOPS: readonly MatchState[] = LIVE_MATCH_STATES;

/** The states of the matches an offer's pausing or closing ends (those waiting for consent). */
export const ENDED_WHEN_OFFER_STOPS: readonly MatchState[] = MATCH_RULES.decline.from;

/**
 * Where a new match starts. A provider that proposes has accepted by proposing, so the State's
 * consent is the next step; a proposal by the State or the secretariat waits for the provider.
 */
export function initialMatchState(proposer: Proposer): MatchState {
  return proposer === "provider" ? "accepted" : "proposed";
}

/** The two organisations a match joins. */
export interface MatchSides {
  stateOrganisationId: string;
  providerOrganisationId: string;
}

/** Whether a membership speaks for an organisation as its provider (as offers are published). */
function speaksAsProvider(m: Membership, organisationId: string): boolean {
  if (m.organisationId !== organisationId) return false;
  if (m.role === "provider-focal-point") return true;
  if (m.role === "state-focal-point") return m.organisationKind === "state";
  return m.role === "secretariat-officer" && m.isSecretariat;
}

/**
 * Who the actor is to a match (or to a pair about to become one). A token acts for its
 * organisation only with read-write scope; an officer's role counts only after the second
 * factor (effectiveMemberships). When the secretariat itself offers, its officers act as the
 * provider: the more particular part wins.
 */
export function partyOf(actor: Actor, sides: MatchSides): MatchParty {
  if (actor.kind === "token" && actor.scope !== "read-write") return "other";
  const memberships = effectiveMemberships(actor);
  if (
    memberships.some(
      (m) =>
        m.organisationId === sides.stateOrganisationId &&
        m.organisationKind === "state" &&
        m.role === "state-focal-point",
    )
  )
    return "state";
  if (memberships.some((m) => speaksAsProvider(m, sides.providerOrganisationId))) return "provider";
  if (memberships.some((m) => m.isSecretariat && m.role === "secretariat-officer")) return "secretariat";
  return "other";
}

/**
 * A match as the visibility rule judges it: the State's record, kept to the secretariat tier and
 * shared by name with the provider. So its two organisations, the secretariat and the advisory
 * committee read it; nobody else learns it exists. Notifications are judged by the same record.
 */
export function matchRecord(sides: MatchSides): VisibleRecord {
  return {
    ownerOrganisationId: sides.stateOrganisationId,
    visibility: "secretariat",
    grantedOrganisationIds: [sides.providerOrganisationId],
  };
}

export function canReadMatch(actor: Actor, sides: MatchSides): boolean {
  return canSee(actor, matchRecord(sides));
}

/**
 * The restricted fields a provider reads of a request, from the matches it has on it: the union
 * of the scopes of those the State consented to and still holds. `null` when none holds, so the
 * grant is to end; a proposal the State made itself shares the request's public part (an empty
 * list) until it is declined.
 */
export function grantedScope(
  matches: readonly { state: MatchState; proposedBy: Proposer; scope: readonly string[] }[],
): string[] | null {
  const consented = matches.filter((m) => (CONSENTED_MATCH_STATES as readonly MatchState[]).includes(m.state));
  if (consented.length > 0) return [...new Set(consented.flatMap((m) => m.scope))].sort();
  const stateProposal = matches.some(
    (m) => m.proposedBy === "state" && (LIVE_MATCH_STATES as readonly MatchState[]).includes(m.state),
  );
  return stateProposal ? [] : null;
}

export const MESSAGE_MAX = 2000;
export const REASON_MAX = 2000;
