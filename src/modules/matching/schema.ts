import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** One reason of a score as stored: its code, what it added, and the shared items it names. */
export interface StoredReason {
  code: string;
  contribution: number;
  items: string[];
}

/**
 * A reason as a suggestion row stores it: `[code, contribution, ...items]`. A full refresh writes
 * some 200,000 rows; without the keys each row is about half the size, and PGlite inserts it in
 * about half the time (measured at 20,000 rows: 220 ms against 340–470 ms).
 */
export type PackedReason = [code: string, contribution: number, ...items: string[]];
export const packReason = (r: StoredReason): PackedReason => [r.code, r.contribution, ...r.items];
export const unpackReason = ([code, contribution, ...items]: PackedReason): StoredReason => ({
  code,
  contribution,
  items,
});

const MATCH_STATES = sql.raw("('proposed', 'accepted', 'consented', 'active', 'closed', 'declined', 'revoked')");

/**
 * The weights of each reason in a score, as the secretariat sets them. Each change is a new
 * version; suggestions and matches keep the version they were scored with.
 */
export const matchWeights = pgTable("match_weights", {
  version: integer("version").primaryKey(),
  weights: jsonb("weights").$type<Record<string, number>>().notNull(),
  note: text("note").notNull().default(""),
  publishedBy: uuid("published_by"),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A request meeting an offer. Proposed by the provider, the secretariat or the State; accepted by
 * the provider; consented to by the State, which records exactly which of the request's restricted
 * fields the provider may read (`scope`); active once work starts; closed, declined or revoked.
 * Ids of other modules' rows carry no foreign key, so each module keeps its tables its own.
 */
export const matches = pgTable(
  "matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: integer("seq").generatedAlwaysAsIdentity().notNull().unique(),
    requestId: uuid("request_id").notNull(),
    offerId: uuid("offer_id").notNull(),
    /** The State that asked and the provider that offers: who may act on the match. */
    stateOrganisationId: uuid("state_organisation_id").notNull(),
    providerOrganisationId: uuid("provider_organisation_id").notNull(),
    state: text("state").notNull().default("proposed"),
    proposedBy: text("proposed_by").notNull(),
    message: text("message").notNull().default(""),
    /** The restricted request fields the State consented to share; empty until consent. */
    scope: text("scope").array().notNull().default(sql`'{}'::text[]`),
    /** The score when proposed, with its reasons, so the parties read why it was suggested. */
    score: real("score"),
    reasons: jsonb("reasons").$type<StoredReason[]>(),
    weightsVersion: integer("weights_version"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    check("matches_state", sql`${t.state} in ${MATCH_STATES}`),
    check("matches_proposed_by", sql`${t.proposedBy} in ('provider', 'secretariat', 'state')`),
    // One live match per request and offer; a declined or ended one may be proposed again.
    uniqueIndex("matches_live_pair")
      .on(t.requestId, t.offerId)
      .where(sql`${t.state} in ('proposed', 'accepted', 'consented', 'active')`),
    index("matches_request").on(t.requestId),
    index("matches_offer").on(t.offerId),
    index("matches_provider").on(t.providerOrganisationId),
    index("matches_state_organisation").on(t.stateOrganisationId),
  ],
);

/** Every step a match took, who took it and why: its history, and the consent record. */
export const matchEvents = pgTable(
  "match_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    reason: text("reason"),
    /** For consent: the fields consented to, as the State saw them listed. */
    scope: text("scope").array(),
    userId: uuid("user_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("match_events_match").on(t.matchId, t.at)],
);

/**
 * The top suggestions, kept current by the `matching-refresh` job: for each open request its best
 * offers (`side` = 'request'), and for each open offer its best requests (`side` = 'offer').
 * Pages read these rows; nothing scores all pairs while someone waits.
 */
export const matchSuggestions = pgTable(
  "match_suggestions",
  {
    side: text("side").notNull(),
    subjectId: uuid("subject_id").notNull(),
    candidateId: uuid("candidate_id").notNull(),
    rank: smallint("rank").notNull(),
    score: real("score").notNull(),
    reasons: jsonb("reasons").$type<PackedReason[]>().notNull(),
    weightsVersion: integer("weights_version").notNull(),
  },
  (t) => [
    check("match_suggestions_side", sql`${t.side} in ('request', 'offer')`),
    // Lists are read by their subject only; a full refresh writes some 200,000 rows, and every
    // further index would slow it.
    primaryKey({ columns: [t.side, t.subjectId, t.candidateId] }),
  ],
);

/**
 * Where the suggestions stand: the weights version they were scored with, the change time they
 * are current to, and the text statistics (document frequencies) every later update scores with.
 * One row.
 */
export const matchingState = pgTable("matching_state", {
  id: smallint("id").primaryKey().default(1),
  generation: integer("generation").notNull().default(0),
  weightsVersion: integer("weights_version").notNull(),
  currentTo: timestamp("current_to", { withTimezone: true }).notNull(),
  documentFrequencies: jsonb("document_frequencies").$type<Record<string, number>>().notNull(),
  documents: integer("documents").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});
