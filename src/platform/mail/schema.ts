import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every email the platform sends, written in the same transaction as the change that causes it
 * (outbox). A job delivers it over SMTP; with no SMTP configured it stays here, readable by
 * administrators at /admin/outbox, so the embedded demo still shows what would have been sent.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    locale: text("locale").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_messages_unsent").on(t.createdAt)],
);
