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
