import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail: one row per state change, never updated or deleted (a trigger refuses both,
 * see migrations/0002_audit_append_only.sql). Personal values (names, emails) are not copied here,
 * so closing an account can pseudonymise the person without touching this table.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorKind: text("actor_kind").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    /** The organisation the actor was acting for. */
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** `{ field: [before, after] }` for the fields that changed. */
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    requestId: text("request_id"),
    ipAddress: inet("ip_address"),
  },
  (t) => [
    index("audit_events_occurred_at").on(t.occurredAt),
    index("audit_events_subject").on(t.subjectType, t.subjectId),
    index("audit_events_actor").on(t.actorUserId),
    index("audit_events_organisation").on(t.organisationId),
  ],
);
