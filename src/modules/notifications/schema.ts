import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * What a person must act on, one row per recipient. The message is rendered from the catalogue
 * in the reader's language when shown, from `kind` and `values`; `link` is the page to act on.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    values: jsonb("values").$type<Record<string, string | number>>().notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set when an email carried it, alone or in a digest; null: still due for the digest. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_subject").on(t.subjectType, t.subjectId),
    index("notifications_digest_due").on(t.userId).where(sql`${t.emailedAt} is null`),
    // The header's unread count runs on every page a signed-in person opens.
    index("notifications_unread").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Per person and kind: an email at once, or one daily digest. No row: at once. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    delivery: text("delivery").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("notification_preferences_delivery", sql`${t.delivery} in ('immediate', 'daily')`),
  ],
);
