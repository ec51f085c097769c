import type { Actor } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";

/** A State organisation the actor writes updates for, and its State. */
export interface UpdateWriter {
  organisationId: string;
  stateIso3: string;
}

/**
 * A State's voluntary updates are written by that State's own focal points and nobody else
 * (PRODUCT.md, country-led): not the secretariat, not a provider, not another State. A national
 * system writes through a read-write token of the State's organisation.
 */
export function updateWriters(actor: Actor): UpdateWriter[] {
  if (actor.kind === "token" && actor.scope !== "read-write") return [];
  return effectiveMemberships(actor)
    .filter((m) => m.role === "state-focal-point" && m.organisationKind === "state" && m.countryIso3)
    .map((m) => ({ organisationId: m.organisationId, stateIso3: m.countryIso3! }));
}

/** Who may do what with updates. Reading is judged per update by the shared visibility rule. */
export const UPDATES_POLICIES = {
  "updates.write": (actor: Actor) => updateWriters(actor).length > 0,
} as const satisfies Record<string, (actor: Actor) => boolean>;

/** Editing, publishing and withdrawing one update: the focal points of the organisation that owns it. */
export function canEditUpdate(actor: Actor, update: { organisationId: string }): boolean {
  return updateWriters(actor).some((w) => w.organisationId === update.organisationId);
}

/** The writer for a new update of `stateIso3` (or the actor's only State when none is named). */
export function writerFor(actor: Actor, stateIso3?: string): UpdateWriter | null {
  const writers = updateWriters(actor);
  if (stateIso3 === undefined) return writers.length === 1 ? writers[0]! : null;
  return writers.find((w) => w.stateIso3 === stateIso3) ?? null;
}
