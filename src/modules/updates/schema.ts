import { sql } from "drizzle-orm";
import {
  char,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const TIERS = sql.raw("('private', 'secretariat', 'providers', 'public')");

/**
 * A voluntary national update: what a State achieved, where it is stuck, what worked. The row
 * holds the text being edited; each publication is kept whole in `national_update_versions`.
 * The four text fields hold sanitised HTML (domain/rich-text.ts), never what was sent.
 */
export const nationalUpdates = pgTable(
  "national_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: integer("seq").generatedAlwaysAsIdentity().notNull().unique(),
    organisationId: uuid("organisation_id").notNull(),
    stateIso3: char("state_iso3", { length: 3 }).notNull(),
    status: text("status").notNull().default("draft"),
    title: text("title").notNull(),
    achievements: text("achievements").notNull().default(""),
    challenges: text("challenges").notNull().default(""),
    goodPractices: text("good_practices").notNull().default(""),
    lessons: text("lessons").notNull().default(""),
    language: text("language").notNull().default("en"),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    sdgTargets: text("sdg_targets").array().notNull().default(sql`'{}'::text[]`),
    recommendationIds: uuid("recommendation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    clusterIds: uuid("cluster_ids").array().notNull().default(sql`'{}'::uuid[]`),
    visibility: text("visibility").notNull().default("private"),
    /** The last published version; 0 while never published. */
    publishedVersion: integer("published_version").notNull().default(0),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(achievements, '') || ' ' || coalesce(challenges, '') || ' ' || coalesce(good_practices, '') || ' ' || coalesce(lessons, ''))`,
      ),
  },
  (t) => [
    check("national_updates_status", sql`${t.status} in ('draft', 'published', 'withdrawn')`),
    check("national_updates_visibility", sql`${t.visibility} in ${TIERS}`),
    index("national_updates_organisation").on(t.organisationId),
    index("national_updates_state").on(t.stateIso3),
    index("national_updates_search").using("gin", t.search),
  ],
);

/** Every published version, whole and as published, with the tier it was published under. */
export const nationalUpdateVersions = pgTable(
  "national_update_versions",
  {
    updateId: uuid("update_id")
      .notNull()
      .references(() => nationalUpdates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    achievements: text("achievements").notNull(),
    challenges: text("challenges").notNull(),
    goodPractices: text("good_practices").notNull(),
    lessons: text("lessons").notNull(),
    language: text("language").notNull(),
    themes: text("themes").array().notNull(),
    sdgTargets: text("sdg_targets").array().notNull(),
    recommendationIds: uuid("recommendation_ids").array().notNull(),
    clusterIds: uuid("cluster_ids").array().notNull(),
    visibility: text("visibility").notNull(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.version] }),
    check("national_update_versions_visibility", sql`${t.visibility} in ${TIERS}`),
  ],
);
