import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const TIERS = sql.raw("('private', 'secretariat', 'providers', 'public')");

/**
 * What a provider organisation offers. Its provider type is not stored: it follows from the
 * organisation (kind, and a State's regional group), so it can never disagree with it.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: integer("seq").generatedAlwaysAsIdentity().notNull().unique(),
    organisationId: uuid("organisation_id").notNull(),
    status: text("status").notNull().default("open"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    language: text("language").notNull().default("en"),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    sdgTargets: text("sdg_targets").array().notNull().default(sql`'{}'::text[]`),
    supportKinds: text("support_kinds").array().notNull().default(sql`'{}'::text[]`),
    workingLanguages: text("working_languages").array().notNull().default(sql`'{}'::text[]`),
    eligibleGroups: text("eligible_groups").array().notNull().default(sql`'{}'::text[]`),
    eligibleStatuses: text("eligible_statuses").array().notNull().default(sql`'{}'::text[]`),
    eligibleStates: text("eligible_states").array().notNull().default(sql`'{}'::text[]`),
    /** How many engagements the provider can take on; matches (issue 6) use them up. */
    capacity: integer("capacity").notNull().default(1),
    engagements: integer("engagements").notNull().default(0),
    contributionMinor: bigint("contribution_minor", { mode: "number" }),
    contributionCurrency: char("contribution_currency", { length: 3 }),
    validFrom: date("valid_from", { mode: "string" }),
    validUntil: date("valid_until", { mode: "string" }),
    visibility: text("visibility").notNull().default("providers"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(description, ''))`,
      ),
  },
  (t) => [
    check("offers_status", sql`${t.status} in ('open', 'paused', 'closed')`),
    check("offers_visibility", sql`${t.visibility} in ${TIERS}`),
    check("offers_capacity", sql`${t.capacity} >= 1 and ${t.engagements} between 0 and ${t.capacity}`),
    check("offers_contribution", sql`${t.contributionMinor} is null or ${t.contributionMinor} >= 0`),
    check("offers_contribution_currency", sql`(${t.contributionMinor} is null) = (${t.contributionCurrency} is null)`),
    check("offers_period", sql`${t.validFrom} is null or ${t.validUntil} is null or ${t.validFrom} <= ${t.validUntil}`),
    index("offers_organisation").on(t.organisationId),
    index("offers_status").on(t.status),
    index("offers_search").using("gin", t.search),
    // The matching job reads what changed since its last run, every minute.
    index("offers_updated").on(t.updatedAt),
  ],
);
