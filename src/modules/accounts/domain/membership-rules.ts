import type { Actor, OrganisationKind, Role } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";

export interface OrganisationFacts {
  id: string;
  kind: OrganisationKind;
  isSecretariat: boolean;
}

/**
 * Which roles make sense in which organisation: only a State's own officials speak for it, and
 * only OHCHR staff run the facility and the fund. Providers and experts can come from anywhere.
 */
export function roleFitsOrganisation(role: Role, organisation: OrganisationFacts): boolean {
  switch (role) {
    case "state-focal-point":
      return organisation.kind === "state";
    case "secretariat-officer":
    case "platform-administrator":
    case "fund-manager":
    case "advisory-committee-member":
      return organisation.isSecretariat;
    case "fund-board-member":
      return organisation.isSecretariat || organisation.kind === "state" || organisation.kind === "donor";
    case "provider-focal-point":
    case "expert":
      return true;
  }
}

/** Whether the actor may take this role away from someone (the same rule as granting it). */
export function canRevokeRole(actor: Actor, role: Role): boolean {
  const memberships = effectiveMemberships(actor);
  if (role === "platform-administrator") return memberships.some((m) => m.role === "platform-administrator");
  return memberships.some(
    (m) => m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator"),
  );
}

/**
 * The secretariat and administrators invite anyone; a focal point invites colleagues into their
 * own organisation, in their own role.
 */
export function canInvite(actor: Actor, organisation: OrganisationFacts, role: Role): boolean {
  if (!roleFitsOrganisation(role, organisation)) return false;
  const memberships = effectiveMemberships(actor);
  // Administration is granted only by an administrator: an officer cannot raise themselves to it.
  if (role === "platform-administrator") return memberships.some((m) => m.role === "platform-administrator");
  if (
    memberships.some(
      (m) => m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator"),
    )
  )
    return true;
  return memberships.some(
    (m) =>
      m.organisationId === organisation.id &&
      m.role === role &&
      (role === "state-focal-point" || role === "provider-focal-point"),
  );
}
