import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { markRead } from "../store";
import { signedInUser } from "./not-signed-in";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one notification, or all of them, as read: only the actor's own, so an id belonging
 * to someone else changes nothing (and says nothing about whether it exists). Reading is not
 * audited: it changes what the reader sees of their own list, nothing anyone else relies on.
 */
export async function markNotificationsRead(
  input: { actor: Actor; which: { id: string } | "all" },
  deps: { db: Db },
): Promise<{ marked: number }> {
  const user = signedInUser(input.actor);
  if (input.which === "all") return { marked: await markRead(deps.db, user.userId, null) };
  if (!UUID.test(input.which.id)) return { marked: 0 };
  return { marked: await markRead(deps.db, user.userId, input.which.id) };
}
