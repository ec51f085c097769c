import { sql } from "drizzle-orm";
import { char, check, customType, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One recommendation (or voluntary pledge) a State received, from any mechanism. `key` is stable
 * across re-imports of the same source row; `contentHash` tells an unchanged row from an updated one.
 */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
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
    index("recommendations_cycle").on(t.mechanism, t.cycle, t.session),
  ],
);
