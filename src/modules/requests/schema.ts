import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const STATES = sql.raw(
  "('draft', 'submitted', 'screening', 'returned', 'open', 'matched', 'in-implementation', 'completed', 'reported-back', 'withdrawn')",
);
const TIERS = sql.raw("('private', 'secretariat', 'providers', 'public')");

/**
 * A State's request for support. Owned by the State organisation that drafted it; its tier says who
 * else may read it (platform/visibility.ts). Recommendations and clusters it serves are linked
 * below; ids of other modules' rows carry no foreign key, so each module keeps its tables its own.
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short number people can quote ("request 12"). */
    seq: integer("seq").generatedAlwaysAsIdentity().notNull().unique(),
    organisationId: uuid("organisation_id").notNull(),
    stateIso3: char("state_iso3", { length: 3 }).notNull(),
    state: text("state").notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The language the State wrote in; content is shown as written, marked with it. */
    language: text("language").notNull().default("en"),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    sdgTargets: text("sdg_targets").array().notNull().default(sql`'{}'::text[]`),
    supportKinds: text("support_kinds").array().notNull().default(sql`'{}'::text[]`),
    providerTypes: text("provider_types").array().notNull().default(sql`'{}'::text[]`),
    workingLanguages: text("working_languages").array().notNull().default(sql`'{}'::text[]`),
    desiredStart: date("desired_start", { mode: "string" }),
    durationMonths: smallint("duration_months"),
    /** In the currency's minor units (cents), so no amount is ever a float. */
    budgetMinor: bigint("budget_minor", { mode: "number" }),
    budgetCurrency: char("budget_currency", { length: 3 }),
    counterparts: text("counterparts").array().notNull().default(sql`'{}'::text[]`),
    visibility: text("visibility").notNull().default("private"),
    /** The State lets public statistics count this request without naming it. */
    anonymousCounting: boolean("anonymous_counting").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** When screening opened it to providers: the start of "open and unanswered". */
    openedAt: timestamp("opened_at", { withTimezone: true }),
    matchedAt: timestamp("matched_at", { withTimezone: true }),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(summary, ''))`,
      ),
  },
  (t) => [
    check("support_requests_state", sql`${t.state} in ${STATES}`),
    check("support_requests_visibility", sql`${t.visibility} in ${TIERS}`),
    check("support_requests_budget", sql`${t.budgetMinor} is null or ${t.budgetMinor} >= 0`),
    check("support_requests_budget_currency", sql`(${t.budgetMinor} is null) = (${t.budgetCurrency} is null)`),
    check("support_requests_duration", sql`${t.durationMonths} is null or ${t.durationMonths} between 1 and 120`),
    index("support_requests_organisation").on(t.organisationId),
    index("support_requests_state_opened").on(t.state, t.openedAt),
    index("support_requests_search").using("gin", t.search),
    // The matching job reads what changed since its last run, every minute.
    index("support_requests_updated").on(t.updatedAt),
  ],
);

export const requestRecommendations = pgTable(
  "support_request_recommendations",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    recommendationId: uuid("recommendation_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.recommendationId] }),
    index("support_request_recommendations_recommendation").on(t.recommendationId),
  ],
);

export const requestClusters = pgTable(
  "support_request_clusters",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    clusterId: uuid("cluster_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.clusterId] })],
);

/** Organisations the State shared a request with by name: a consented match (issue 6) writes here. */
export const requestGrants = pgTable(
  "support_request_grants",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    /** The restricted fields (domain/disclosure.ts) the State let this organisation read. */
    fields: text("fields").array().notNull().default(sql`'{}'::text[]`),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.organisationId] }),
    index("support_request_grants_organisation").on(t.organisationId),
  ],
);

/** Every step a request took, with who took it and why: the request's own history. */
export const requestEvents = pgTable(
  "support_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    reason: text("reason"),
    userId: uuid("user_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_request_events_request").on(t.requestId, t.at)],
);

/**
 * The screening checklist the secretariat publishes. Each edit is a new version; a screening
 * records the version it used, so a past decision is read against the criteria of its day.
 */
export const screeningCriteria = pgTable("screening_criteria", {
  version: integer("version").primaryKey(),
  /** [{ code, text }] in the order shown. */
  items: jsonb("items").$type<{ code: string; text: string }[]>().notNull(),
  language: text("language").notNull().default("en"),
  publishedBy: uuid("published_by"),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A screening of a request: the officer's decision (open or return, with reasons) or an advisory
 * committee member's view for their regional group. Answers say, per criterion, met or not.
 */
export const requestScreenings = pgTable(
  "support_request_screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    criteriaVersion: integer("criteria_version")
      .notNull()
      .references(() => screeningCriteria.version),
    answers: jsonb("answers").$type<Record<string, "met" | "not-met" | "unclear">>().notNull(),
    outcome: text("outcome").notNull(),
    comment: text("comment").notNull().default(""),
    userId: uuid("user_id").notNull(),
    regionalGroup: text("regional_group"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("support_request_screenings_kind", sql`${t.kind} in ('decision', 'view')`),
    check("support_request_screenings_outcome", sql`${t.outcome} in ('open', 'return')`),
    check("support_request_screenings_view_group", sql`${t.kind} = 'decision' or ${t.regionalGroup} is not null`),
    index("support_request_screenings_request").on(t.requestId, t.recordedAt),
  ],
);
