import type { Actor } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";

/** Who may do what with the recommendation index. Reading public recommendations needs nothing. */
export const RECOMMENDATIONS_POLICIES = {
  "recommendations.import": (actor: Actor) =>
    actor.kind === "system" ||
    effectiveMemberships(actor).some(
      (m) => m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator"),
    ),
  /** Running the theme and SDG classifier, and accepting or rejecting what it suggests. */
  "recommendations.classify": (actor: Actor) =>
    actor.kind === "system" ||
    effectiveMemberships(actor).some(
      (m) => m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator"),
    ),
} as const satisfies Record<string, (actor: Actor) => boolean>;

export function can(actor: Actor, action: keyof typeof RECOMMENDATIONS_POLICIES): boolean {
  return RECOMMENDATIONS_POLICIES[action](actor);
}

/** A State organisation the actor speaks for as focal point, and its State. */
export interface TrackingWriter {
  organisationId: string;
  stateIso3: string;
}

/**
 * `tracking.edit`: a State's implementation tracking is written by that State's own focal points
 * and nobody else (PRODUCT.md, country-led): not the secretariat, not another State.
 */
export function trackingWriters(actor: Actor): TrackingWriter[] {
  if (actor.kind === "token" && actor.scope !== "read-write") return [];
  return effectiveMemberships(actor)
    .filter((m) => m.role === "state-focal-point" && m.organisationKind === "state" && m.countryIso3)
    .map((m) => ({ organisationId: m.organisationId, stateIso3: m.countryIso3! }));
}

/** The organisation the actor writes `stateIso3`'s tracking for; null when `tracking.edit` refuses. */
export function trackingWriterFor(actor: Actor, stateIso3: string): TrackingWriter | null {
  return trackingWriters(actor).find((w) => w.stateIso3 === stateIso3) ?? null;
}
