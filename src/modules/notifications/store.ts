import { and, asc, desc, eq, gt, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { Delivery, NotificationKind } from "./domain/kinds";
import { notificationPreferences, notifications } from "./schema";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

export async function selectPriorRecipientIds(db: Db, subject: { type: string; id: string }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.subjectType, subject.type), eq(notifications.subjectId, subject.id)));
  return rows.map((r) => r.userId);
}

/** Of these people, those who asked for `kind` in the daily summary rather than at once. */
export async function selectDailyReaders(db: Db, kind: NotificationKind, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        eq(notificationPreferences.delivery, "daily"),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

/** Served by the partial `notifications_unread` index: the header shows it on every page. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function selectPageOfNotifications(db: Db, userId: string, limit: number, offset: number) {
  const mine = eq(notifications.userId, userId);
  const [rows, [counts]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db
      .select({
        total: sql<number>`count(*)::int`,
        unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
      })
      .from(notifications)
      .where(mine),
  ]);
  return { rows, total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
}

/** Marks the person's own unread notifications (one, or all when `id` is null); returns how many. */
export async function markRead(db: Db, userId: string, id: string | null): Promise<number> {
  const where: SQL[] = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id) where.push(eq(notifications.id, id));
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function selectPreferenceRows(db: Db, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

export async function upsertPreferences(
  db: Db,
  userId: string,
  preferences: { kind: NotificationKind; delivery: Delivery }[],
): Promise<void> {
  if (preferences.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(preferences.map((p) => ({ userId, kind: p.kind, delivery: p.delivery })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
    });
}

/** The next person, after `afterUserId`, with notifications not yet carried by any email. */
export async function selectNextDigestReader(db: Db, before: Date, afterUserId: string | null): Promise<string | null> {
  const where: SQL[] = [isNull(notifications.emailedAt), lte(notifications.createdAt, before)];
  if (afterUserId) where.push(gt(notifications.userId, afterUserId));
  const [row] = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(...where))
    .orderBy(asc(notifications.userId))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * That person's notifications due for the summary, locked: a second worker running the same
 * summary skips them rather than waiting and sending them again.
 */
export async function lockDigestNotifications(db: Db, userId: string, before: Date): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), lte(notifications.createdAt, before)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .for("update", { skipLocked: true });
}

export async function markEmailed(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0)
    await db.update(notifications).set({ emailedAt: sql`now()` }).where(inArray(notifications.id, ids));
}
