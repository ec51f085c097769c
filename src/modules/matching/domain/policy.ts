import { type Actor, effectiveMemberships } from "../../../platform/actor";

const isOfficer = (actor: Actor) =>
  effectiveMemberships(actor).some((m) => m.isSecretariat && m.role === "secretariat-officer");

export const MATCHING_POLICIES = {
  /** Setting the weights of the score: secretariat officers (second factor passed). */
  "matching.weigh": isOfficer,
  /** The gap map with every record, not only the public and anonymously counted ones. */
  "matching.gaps.full": (actor: Actor) =>
    isOfficer(actor) || effectiveMemberships(actor).some((m) => m.role === "advisory-committee-member"),
} as const satisfies Record<string, (actor: Actor) => boolean>;

export function can(actor: Actor, action: keyof typeof MATCHING_POLICIES): boolean {
  return MATCHING_POLICIES[action](actor);
}
