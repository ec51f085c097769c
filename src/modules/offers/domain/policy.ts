import { type Actor, effectiveMemberships, type Membership } from "../../../platform/actor";

/**
 * Whether a membership speaks for its organisation as a provider. Any organisation may offer
 * support through its provider focal point; States provide too (South-South and peer support), so
 * a State's focal point may; and the secretariat offers OHCHR's own support through its officers.
 */
function publishesFor(m: Membership): boolean {
  if (m.role === "provider-focal-point") return true;
  if (m.role === "state-focal-point") return m.organisationKind === "state";
  return m.role === "secretariat-officer" && m.isSecretariat;
}

/**
 * The organisations the actor may publish and edit offers for. A token speaks for its
 * organisation only with read-write scope; an officer's role counts only after the second factor
 * (effectiveMemberships).
 */
export function publishersOf(actor: Actor): string[] {
  if (actor.kind === "token" && actor.scope !== "read-write") return [];
  return [
    ...new Set(
      effectiveMemberships(actor)
        .filter(publishesFor)
        .map((m) => m.organisationId),
    ),
  ];
}

export const OFFERS_POLICIES = {
  "offers.publish": (actor: Actor) => publishersOf(actor).length > 0,
} as const satisfies Record<string, (actor: Actor) => boolean>;

/** An offer is edited only by its own organisation's publishers: not the secretariat, not another provider. */
export function canEditOffer(actor: Actor, offer: { organisationId: string }): boolean {
  return publishersOf(actor).includes(offer.organisationId);
}
