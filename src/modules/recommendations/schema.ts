import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One recommendation (or voluntary pledge) a State received, from any mechanism. `key` is stable
 * across re-imports of the same source row; `contentHash` tells an unchanged row from an updated one.
 */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A small dense number for the in-memory facet index (domain/facet-index.ts). */
    seq: integer("seq").generatedAlwaysAsIdentity().notNull().unique(),
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    mechanism: text("mechanism").notNull(),
    /** Treaty Body or Special Procedures mandate code; null for the UPR. */
    body: text("body"),
    cycle: smallint("cycle"),
    session: smallint("session"),
    year: smallint("year"),
    documentSymbol: text("document_symbol"),
    paragraph: text("paragraph"),
    stateUnderReview: char("state_under_review", { length: 3 }).notNull(),
    recommendingStates: text("recommending_states").array().notNull().default(sql`'{}'::text[]`),
    text: text("text").notNull(),
    language: text("language").notNull().default("en"),
    response: text("response"),
    actionCategory: smallint("action_category"),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    affectedPersons: text("affected_persons").array().notNull().default(sql`'{}'::text[]`),
    sdgs: text("sdgs").array().notNull().default(sql`'{}'::text[]`),
    source: text("source").notNull(),
    contentHash: text("content_hash").notNull(),
    // English stemming for now: every text in the shipped data is English (the column records it).
    search: tsvector("search").notNull().generatedAlwaysAs(sql`to_tsvector('english', coalesce(text, ''))`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    importedBy: uuid("imported_by"),
  },
  (t) => [
    check("recommendations_kind", sql`${t.kind} in ('recommendation', 'voluntary-pledge')`),
    check("recommendations_mechanism", sql`${t.mechanism} in ('upr', 'treaty-body', 'special-procedure')`),
    check(
      "recommendations_response",
      sql`${t.response} is null or ${t.response} in ('supported', 'supported-in-part', 'noted', 'pending')`,
    ),
    check("recommendations_action_category", sql`${t.actionCategory} is null or ${t.actionCategory} between 1 and 5`),
    index("recommendations_search").using("gin", t.search),
    index("recommendations_state").on(t.stateUnderReview),
    index("recommendations_recommending").using("gin", t.recommendingStates),
    index("recommendations_themes").using("gin", t.themes),
    index("recommendations_sdgs").using("gin", t.sdgs),
    index("recommendations_cycle").on(t.mechanism, t.cycle, t.session),
  ],
);

/**
 * A counter that every statement changing `recommendations` raises (a trigger, migration 0006):
 * each process's facet index compares it with the one it was built at, and rebuilds when it moved.
 */
export const recommendationIndexVersion = pgTable(
  "recommendation_index_version",
  {
    id: smallint("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("recommendation_index_version_one_row", sql`${t.id} = 1`)],
);

/**
 * One run of an import, from the secretariat's upload page or from the first start: the job
 * reports its progress here, and the page and the search page read it.
 */
export const recommendationImports = pgTable(
  "recommendation_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    /** An uploaded file's text; null when the run reads a file shipped with the platform. */
    content: text("content"),
    sourcePath: text("source_path"),
    skipInvalid: boolean("skip_invalid").notNull().default(false),
    status: text("status").notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    report: jsonb("report"),
    requestedBy: uuid("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "recommendation_imports_status",
      sql`${t.status} in ('queued', 'running', 'imported', 'unchanged', 'refused', 'failed')`,
    ),
    check("recommendation_imports_format", sql`${t.format} in ('upr-info', 'item10-csv', 'item10-jsonl')`),
    index("recommendation_imports_created").on(t.createdAt),
  ],
);

const TRACKING_STATUS = sql.raw(
  "('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')",
);
const TIERS = sql.raw("('private', 'secretariat', 'providers', 'public')");

/**
 * How a State's organisation tracks one recommendation it received: the owner is the State's
 * organisation, the tier decides who else may read the entry (platform/visibility.ts).
 */
export const trackingEntries = pgTable(
  "recommendation_tracking",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    institutions: text("institutions").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    evidenceLinks: text("evidence_links").array().notNull().default(sql`'{}'::text[]`),
    visibility: text("visibility").notNull().default("private"),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("recommendation_tracking_one_per_organisation").on(t.organisationId, t.recommendationId),
    check("recommendation_tracking_status", sql`${t.status} in ${TRACKING_STATUS}`),
    check("recommendation_tracking_visibility", sql`${t.visibility} in ${TIERS}`),
    index("recommendation_tracking_recommendation").on(t.recommendationId),
  ],
);

/** A State's own group of recommendations it implements together, with one status for all. */
export const trackingClusters = pgTable(
  "recommendation_clusters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    stateIso3: char("state_iso3", { length: 3 }).notNull(),
    name: text("name").notNull(),
    status: text("status").notNull().default("not-started"),
    institutions: text("institutions").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    evidenceLinks: text("evidence_links").array().notNull().default(sql`'{}'::text[]`),
    visibility: text("visibility").notNull().default("private"),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("recommendation_clusters_name").on(t.organisationId, t.name),
    check("recommendation_clusters_status", sql`${t.status} in ${TRACKING_STATUS}`),
    check("recommendation_clusters_visibility", sql`${t.visibility} in ${TIERS}`),
  ],
);

export const clusterMembers = pgTable(
  "recommendation_cluster_members",
  {
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => trackingClusters.id, { onDelete: "cascade" }),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.recommendationId] }),
    index("cluster_members_recommendation").on(t.recommendationId),
  ],
);

/** Every saved state of an entry or a cluster, dated: the tracking's history is never rewritten. */
export const trackingHistory = pgTable(
  "recommendation_tracking_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id").references(() => trackingEntries.id, { onDelete: "cascade" }),
    clusterId: uuid("cluster_id").references(() => trackingClusters.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    institutions: text("institutions").array().notNull(),
    notes: text("notes").notNull(),
    evidenceLinks: text("evidence_links").array().notNull(),
    visibility: text("visibility").notNull(),
    changedBy: uuid("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("recommendation_tracking_history_subject", sql`num_nonnulls(${t.entryId}, ${t.clusterId}) = 1`),
    index("recommendation_tracking_history_entry").on(t.entryId, t.changedAt),
    index("recommendation_tracking_history_cluster").on(t.clusterId, t.changedAt),
  ],
);

/**
 * A theme or SDG goal the classifier proposes for a recommendation, until the secretariat accepts
 * it (it joins the recommendation's themes or SDGs) or rejects it (it is not proposed again).
 */
export const classificationSuggestions = pgTable(
  "recommendation_suggestions",
  {
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    scheme: text("scheme").notNull(),
    code: text("code").notNull(),
    score: real("score").notNull(),
    modelVersion: text("model_version").notNull(),
    status: text("status").notNull().default("suggested"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.scheme, t.code] }),
    check("recommendation_suggestions_scheme", sql`${t.scheme} in ('theme', 'sdg')`),
    check("recommendation_suggestions_status", sql`${t.status} in ('suggested', 'accepted', 'rejected')`),
    index("recommendation_suggestions_status").on(t.status, t.scheme, t.code),
  ],
);
