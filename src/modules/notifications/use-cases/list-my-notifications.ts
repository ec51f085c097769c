import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { countUnread, selectPageOfNotifications } from "../store";
import { signedInUser } from "./not-signed-in";

export interface NotificationItem {
  id: string;
  kind: string;
  values: Record<string, string | number>;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The actor's notifications, newest first, one page at a time, with how many are unread. */
export async function listMyNotifications(
  input: { actor: Actor; page: number; perPage: number },
  deps: { db: Db },
): Promise<{ items: NotificationItem[]; total: number; unread: number; page: number; pageCount: number }> {
  const user = signedInUser(input.actor);
  const perPage = Math.max(1, Math.min(100, Math.trunc(input.perPage)));
  const page = Math.max(1, Math.trunc(input.page));
  const { rows, total, unread } = await selectPageOfNotifications(deps.db, user.userId, perPage, (page - 1) * perPage);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      values: r.values,
      link: r.link,
      createdAt: r.createdAt,
      readAt: r.readAt,
    })),
    total,
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** For the page header: 0 for anyone who is not a signed-in person. One indexed count. */
export async function countUnreadNotifications(input: { actor: Actor }, deps: { db: Db }): Promise<number> {
  if (input.actor.kind !== "user") return 0;
  return countUnread(deps.db, input.actor.userId);
}
