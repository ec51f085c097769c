/**
 * Who is acting. Every use case receives one explicitly, so authorisation never depends on
 * ambient state. The vocabulary of roles and organisation kinds lives here because every
 * capability's policies and the shared visibility rule speak it.
 */

export const ORGANISATION_KINDS = [
  "state",
  "un-entity",
  "nhri",
  "ngo",
  "regional-organisation",
  "academic",
  "donor",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  "state-focal-point",
  "provider-focal-point",
  "secretariat-officer",
  "advisory-committee-member",
  "fund-manager",
  "fund-board-member",
  "expert",
  "platform-administrator",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may not act without a second factor (secretariat, fund and administration). */
export const ROLES_REQUIRING_SECOND_FACTOR: readonly Role[] = [
  "secretariat-officer",
  "fund-manager",
  "fund-board-member",
  "platform-administrator",
];

export interface Membership {
  organisationId: string;
  organisationKind: OrganisationKind;
  /** True for the one organisation that administers the facility (OHCHR). */
  isSecretariat: boolean;
  role: Role;
  /** For advisory committee members: the regional group they represent. */
  regionalGroup: string | null;
  /** For State organisations: the State. */
  countryIso3: string | null;
}

export type Actor =
  | { kind: "anonymous" }
  /** The platform itself: boot-time loading, scheduled jobs. `process` names which part. */
  | { kind: "system"; process: string }
  | {
      kind: "user";
      userId: string;
      displayName: string;
      sessionId: string | null;
      memberships: Membership[];
      /** Whether this session passed a second factor. */
      secondFactor: boolean;
    }
  /** A national system calling the API with an organisation's token. */
  | { kind: "token"; tokenId: string; organisationId: string; membership: Membership; scope: "read" | "read-write" };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function systemActor(process: string): Actor {
  return { kind: "system", process };
}

/**
 * Whether the actor may use the roles it holds. A user whose roles require a second factor
 * acts with none of them until the session has passed one.
 */
export function effectiveMemberships(actor: Actor): Membership[] {
  if (actor.kind === "token") return [actor.membership];
  if (actor.kind !== "user") return [];
  if (actor.secondFactor) return actor.memberships;
  return actor.memberships.filter((m) => !ROLES_REQUIRING_SECOND_FACTOR.includes(m.role));
}

export function needsSecondFactor(actor: Actor): boolean {
  return (
    actor.kind === "user" &&
    !actor.secondFactor &&
    actor.memberships.some((m) => ROLES_REQUIRING_SECOND_FACTOR.includes(m.role))
  );
}

/** The organisation an audit row names as the one the actor acted for. */
export function actingOrganisationId(actor: Actor): string | null {
  if (actor.kind === "token") return actor.organisationId;
  if (actor.kind === "user") return actor.memberships[0]?.organisationId ?? null;
  return null;
}
