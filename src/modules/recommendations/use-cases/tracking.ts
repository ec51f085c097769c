import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { canSee, type VisibilityTier, visibleTo } from "../../../platform/visibility";
import { trackingWriterFor, trackingWriters } from "../domain/policy";
import {
  isSameTracking,
  type Problems,
  parseTrackingForm,
  type TrackingFilter,
  type TrackingForm,
  type TrackingState,
  type TrackingStatus,
} from "../domain/tracking";
import {
  trackingClusters as c,
  clusterMembers as cm,
  trackingHistory as h,
  recommendations as r,
  trackingEntries as t,
} from "../schema";

/** Refused: only the focal points of the State that received a recommendation track it. */
export class TrackingForbiddenError extends Error {
  readonly code = "TRACKING.FORBIDDEN";
}

/**
 * What the audit trail keeps of a tracking change. The trail is read by the secretariat, so the
 * content of an entry (which its State may keep private) is recorded as changed, never copied.
 */
export const TRACKING_CONTENT_FIELDS = ["status", "institutions", "notes", "evidenceLinks", "name", "members"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

type EntryRow = typeof t.$inferSelect;
type HistoryRow = typeof h.$inferSelect;

export function stateOf(row: {
  status: string;
  institutions: string[];
  notes: string;
  evidenceLinks: string[];
  visibility: string;
}): TrackingState {
  return {
    status: row.status as TrackingStatus,
    institutions: row.institutions,
    notes: row.notes,
    evidenceLinks: row.evidenceLinks,
    visibility: row.visibility as VisibilityTier,
  };
}

/** One rule for every tracking record: owned by its State's organisation, shown by its tier, no grants. */
export const visibleEntry = (actor: Actor) => visibleTo(actor, { owner: t.organisationId, visibility: t.visibility });
export const visibleCluster = (actor: Actor) => visibleTo(actor, { owner: c.organisationId, visibility: c.visibility });

/**
 * The saved states of an entry or a cluster that the actor may read. Each state is judged by the
 * tier it had when saved, so notes written while private stay private after the entry is shared.
 */
export function visibleHistory(actor: Actor, ownerOrganisationId: string, rows: HistoryRow[]) {
  return rows
    .filter((row) =>
      canSee(actor, {
        ownerOrganisationId,
        visibility: row.visibility as VisibilityTier,
        grantedOrganisationIds: [],
      }),
    )
    .map((row) => ({ id: row.id, ...stateOf(row), changedAt: row.changedAt }));
}

function presentEntry(row: EntryRow) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    ...stateOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type SaveTrackingResult =
  | { outcome: "saved" | "unchanged"; entryId: string }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * Creates or updates the actor's State's entry for one recommendation, keeps the new state in the
 * dated history, and records the change: all in one transaction.
 */
export async function saveTrackingEntry(
  input: { actor: Actor; key: string; form: TrackingForm; request?: AuditContext },
  deps: { db: Db },
): Promise<SaveTrackingResult> {
  const [recommendation] = await deps.db
    .select({ id: r.id, stateUnderReview: r.stateUnderReview })
    .from(r)
    .where(eq(r.key, input.key));
  if (!recommendation) return { outcome: "not-found" };
  const writer = trackingWriterFor(input.actor, recommendation.stateUnderReview);
  if (!writer) throw new TrackingForbiddenError();
  const { value, problems } = parseTrackingForm(input.form);
  if (!value) return { outcome: "invalid", problems };
  const changedBy = input.actor.kind === "user" ? input.actor.userId : null;

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [current] = await db
      .select()
      .from(t)
      .where(and(eq(t.organisationId, writer.organisationId), eq(t.recommendationId, recommendation.id)))
      .for("update");
    if (current && isSameTracking(stateOf(current), value)) return { outcome: "unchanged", entryId: current.id };
    const [row] = await db
      .insert(t)
      .values({
        organisationId: writer.organisationId,
        recommendationId: recommendation.id,
        ...value,
        updatedBy: changedBy,
      })
      .onConflictDoUpdate({
        target: [t.organisationId, t.recommendationId],
        set: { ...value, updatedBy: changedBy, updatedAt: sql`now()` },
      })
      .returning();
    await db.insert(h).values({ entryId: row!.id, ...value, changedBy });
    await recordAudit(
      db,
      input.actor,
      {
        action: current ? "tracking.update" : "tracking.create",
        subjectType: "recommendation-tracking",
        subjectId: row!.id,
        before: current ? { ...stateOf(current) } : null,
        after: { ...value },
        confidential: TRACKING_CONTENT_FIELDS,
        organisationId: writer.organisationId,
      },
      input.request,
    );
    return { outcome: "saved", entryId: row!.id };
  });
}

/**
 * A State's received recommendations with the status its focal point recorded, for that focal
 * point; for anyone else, only the entries some State shared with them (`visibleTo`).
 */
export async function stateTracking(
  input: { actor: Actor; filter: TrackingFilter; limit: number; offset: number },
  deps: { db: Db },
) {
  const { actor, filter } = input;
  const writers = trackingWriters(actor);
  const writer = (filter.state ? writers.find((w) => w.stateIso3 === filter.state) : writers[0]) ?? null;
  const join = writer
    ? and(eq(t.recommendationId, r.id), eq(t.organisationId, writer.organisationId), visibleEntry(actor))
    : and(eq(t.recommendationId, r.id), visibleEntry(actor));
  const conditions: SQL[] = [];
  if (writer) conditions.push(eq(r.stateUnderReview, writer.stateIso3));
  else {
    conditions.push(isNotNull(t.id));
    if (filter.state) conditions.push(eq(r.stateUnderReview, filter.state));
  }
  if (filter.status === "untracked") conditions.push(isNull(t.id));
  else if (filter.status) conditions.push(eq(t.status, filter.status));
  if (filter.cycle) conditions.push(eq(r.cycle, filter.cycle));
  if (filter.theme) conditions.push(sql`${r.themes} @> array[${filter.theme}]::text[]`);
  if (filter.q) conditions.push(sql`${r.search} @@ websearch_to_tsquery('english', ${filter.q})`);
  const where = and(...conditions);

  const [items, [count]] = await Promise.all([
    deps.db
      .select({
        key: r.key,
        kind: r.kind,
        text: r.text,
        language: r.language,
        stateUnderReview: r.stateUnderReview,
        recommendingStates: r.recommendingStates,
        cycle: r.cycle,
        session: r.session,
        year: r.year,
        response: r.response,
        entryId: t.id,
        organisationId: t.organisationId,
        status: t.status,
        visibility: t.visibility,
        updatedAt: t.updatedAt,
      })
      .from(r)
      .leftJoin(t, join)
      .where(where)
      .orderBy(desc(r.year), asc(r.key), asc(t.organisationId))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(r).leftJoin(t, join).where(where),
  ]);
  return {
    writer,
    total: Number(count?.n ?? 0),
    items: items.map(({ entryId, organisationId, status, visibility, updatedAt, ...recommendation }) => ({
      ...recommendation,
      entry:
        entryId && organisationId && status && visibility && updatedAt
          ? {
              id: entryId,
              organisationId,
              status: status as TrackingStatus,
              visibility: visibility as VisibilityTier,
              updatedAt,
            }
          : null,
    })),
  };
}

/**
 * One recommendation's tracking as the actor may read it: the entries it may see with their
 * dated history, and the State's focal point's own entry to edit. Null when there is nothing
 * the actor may see (the page answers 404, never "forbidden", so a private entry is not hinted at).
 */
export async function trackingEntryOf({ actor, key }: { actor: Actor; key: string }, deps: { db: Db }) {
  const [recommendation] = await deps.db
    .select({
      id: r.id,
      key: r.key,
      kind: r.kind,
      mechanism: r.mechanism,
      text: r.text,
      language: r.language,
      stateUnderReview: r.stateUnderReview,
      recommendingStates: r.recommendingStates,
      cycle: r.cycle,
      session: r.session,
      year: r.year,
      response: r.response,
      themes: r.themes,
    })
    .from(r)
    .where(eq(r.key, key));
  if (!recommendation) return null;
  const writer = trackingWriterFor(actor, recommendation.stateUnderReview);
  const rows = await deps.db
    .select()
    .from(t)
    .where(and(eq(t.recommendationId, recommendation.id), visibleEntry(actor)))
    .orderBy(asc(t.createdAt));
  if (!writer && rows.length === 0) return null;
  const history = rows.length
    ? await deps.db
        .select()
        .from(h)
        .where(
          inArray(
            h.entryId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(desc(h.changedAt))
    : [];
  const entries = rows.map((row) => ({
    ...presentEntry(row),
    history: visibleHistory(
      actor,
      row.organisationId,
      history.filter((e) => e.entryId === row.id),
    ),
  }));
  const clusters = await deps.db
    .select({ id: c.id, name: c.name, status: c.status })
    .from(cm)
    .innerJoin(c, eq(c.id, cm.clusterId))
    .where(and(eq(cm.recommendationId, recommendation.id), visibleCluster(actor)))
    .orderBy(asc(c.name));
  const { id: _id, ...shown } = recommendation;
  return {
    recommendation: shown,
    /** Set when the actor may write this State's tracking: the form is theirs. */
    writer,
    own: writer ? (entries.find((e) => e.organisationId === writer.organisationId) ?? null) : null,
    others: entries.filter((e) => e.organisationId !== writer?.organisationId),
    clusters: clusters.map((cluster) => ({ ...cluster, status: cluster.status as TrackingStatus })),
  };
}

/** The tracking entries of one recommendation that the actor may read (for the recommendation's page). */
export async function visibleTrackingOfRecommendation(
  { actor, recommendationId }: { actor: Actor; recommendationId: string },
  deps: { db: Db },
) {
  if (!isUuid(recommendationId)) return [];
  const rows = await deps.db
    .select()
    .from(t)
    .where(and(eq(t.recommendationId, recommendationId), visibleEntry(actor)))
    .orderBy(asc(t.createdAt));
  return rows.map(presentEntry);
}
