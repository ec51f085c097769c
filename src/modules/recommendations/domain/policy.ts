import type { Actor } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";

/** Who may do what with the recommendation index. Reading public recommendations needs nothing. */
export const RECOMMENDATIONS_POLICIES = {
  "recommendations.import": (actor: Actor) =>
    actor.kind === "system" ||
    effectiveMemberships(actor).some(
      (m) => m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator"),
    ),
} as const satisfies Record<string, (actor: Actor) => boolean>;

export function can(actor: Actor, action: keyof typeof RECOMMENDATIONS_POLICIES): boolean {
  return RECOMMENDATIONS_POLICIES[action](actor);
}
