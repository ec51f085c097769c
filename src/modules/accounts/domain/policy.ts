import type { Actor, Role } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";

/**
 * Who may do what with accounts, organisations and the audit trail. Used by the use cases and
 * by the route guard; roles that need a second factor count only once it has been passed.
 */
export const ACCOUNTS_POLICIES = {
  "account.own": (actor: Actor) => actor.kind === "user",
  "audit.view": (actor: Actor) => holds(actor, ["secretariat-officer", "platform-administrator"]),
  "outbox.view": (actor: Actor) => holds(actor, ["platform-administrator"]),
  "organisations.manage": (actor: Actor) => holds(actor, ["secretariat-officer", "platform-administrator"]),
  "users.manage": (actor: Actor) => holds(actor, ["secretariat-officer", "platform-administrator"]),
} as const satisfies Record<string, (actor: Actor) => boolean>;

export type AccountsAction = keyof typeof ACCOUNTS_POLICIES;

export function can(actor: Actor, action: AccountsAction): boolean {
  return ACCOUNTS_POLICIES[action](actor);
}

function holds(actor: Actor, roles: Role[]): boolean {
  return effectiveMemberships(actor).some(
    (m) => roles.includes(m.role) && (m.role !== "secretariat-officer" || m.isSecretariat),
  );
}
