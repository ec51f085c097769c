import { type Actor, effectiveMemberships } from "../../../platform/actor";
import type { Party } from "./workflow";

/**
 * Who the actor is to one request. Owner: a focal point of the State organisation that owns it.
 * Secretariat: an officer of the secretariat organisation, counted only after the second factor
 * (effectiveMemberships). A token acts for its organisation only with read-write scope.
 */
export function partyOf(actor: Actor, request: { ownerOrganisationId: string }): Party {
  if (actor.kind === "system") return "platform";
  if (actor.kind === "token" && actor.scope !== "read-write") return "other";
  const memberships = effectiveMemberships(actor);
  if (
    memberships.some(
      (m) =>
        m.organisationId === request.ownerOrganisationId &&
        m.organisationKind === "state" &&
        m.role === "state-focal-point",
    )
  )
    return "owner";
  if (memberships.some((m) => m.isSecretariat && m.role === "secretariat-officer")) return "secretariat";
  return "other";
}

/** A State organisation the actor drafts requests for, and its State. */
export interface RequestWriter {
  organisationId: string;
  stateIso3: string;
}

/** The State organisations whose requests the actor may draft: their own focal points only. */
export function requestWriters(actor: Actor): RequestWriter[] {
  if (actor.kind === "token" && actor.scope !== "read-write") return [];
  return effectiveMemberships(actor)
    .filter((m) => m.role === "state-focal-point" && m.organisationKind === "state" && m.countryIso3)
    .map((m) => ({ organisationId: m.organisationId, stateIso3: m.countryIso3! }));
}

const isOfficer = (actor: Actor) =>
  effectiveMemberships(actor).some((m) => m.isSecretariat && m.role === "secretariat-officer");

/** The regional group an advisory committee member speaks for, if the actor is one. */
export function committeeGroupOf(actor: Actor): string | null {
  return effectiveMemberships(actor).find((m) => m.role === "advisory-committee-member")?.regionalGroup ?? null;
}

/**
 * Who reads a request whole, its screening, the reasons given at each step and its restricted
 * fields (disclosure.ts): any member of the State organisation that owns it (reading is not
 * acting, so its read-only token too), the secretariat, and the advisory committee.
 */
export function isInsider(actor: Actor, request: { ownerOrganisationId: string }): boolean {
  const ownState = effectiveMemberships(actor).some((m) => m.organisationId === request.ownerOrganisationId);
  return ownState || partyOf(actor, request) === "secretariat" || committeeGroupOf(actor) !== null;
}

export const REQUESTS_POLICIES = {
  "requests.draft": (actor: Actor) => requestWriters(actor).length > 0,
  /** Deciding a screening and editing the published criteria: secretariat officers. */
  "requests.screen": isOfficer,
  /** Seeing the screening queue and recording a view: officers and advisory committee members. */
  "requests.review": (actor: Actor) => isOfficer(actor) || committeeGroupOf(actor) !== null,
} as const satisfies Record<string, (actor: Actor) => boolean>;

export function can(actor: Actor, action: keyof typeof REQUESTS_POLICIES): boolean {
  return REQUESTS_POLICIES[action](actor);
}
