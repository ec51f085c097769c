import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { VisibilityTier } from "../../../platform/visibility";
import { trackingWriterFor, trackingWriters } from "../domain/policy";
import {
  type ClusterForm,
  isSameTracking,
  type Problems,
  parseClusterForm,
  type TrackingStatus,
} from "../domain/tracking";
import {
  trackingClusters as c,
  clusterMembers as cm,
  trackingHistory as h,
  recommendations as r,
  trackingEntries as t,
} from "../schema";
import {
  isUuid,
  stateOf,
  TRACKING_CONTENT_FIELDS,
  TrackingForbiddenError,
  visibleCluster,
  visibleEntry,
  visibleHistory,
} from "./tracking";

export type SaveClusterResult =
  | { outcome: "saved" | "unchanged"; clusterId: string }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * Creates a cluster (no `clusterId`) or updates one: a State's own group of recommendations it
 * received, with one status for all. Every member must be a recommendation of that State.
 */
export async function saveCluster(
  input: { actor: Actor; clusterId?: string; stateIso3?: string; form: ClusterForm; request?: AuditContext },
  deps: { db: Db },
): Promise<SaveClusterResult> {
  const { actor } = input;
  let current: typeof c.$inferSelect | undefined;
  if (input.clusterId !== undefined) {
    if (!isUuid(input.clusterId)) return { outcome: "not-found" };
    [current] = await deps.db
      .select()
      .from(c)
      .where(and(eq(c.id, input.clusterId), visibleCluster(actor)));
    if (!current) return { outcome: "not-found" };
  }
  const writer = current
    ? trackingWriterFor(actor, current.stateIso3)
    : input.stateIso3
      ? trackingWriterFor(actor, input.stateIso3)
      : (trackingWriters(actor)[0] ?? null);
  if (!writer || (current && current.organisationId !== writer.organisationId)) throw new TrackingForbiddenError();

  const { value, problems } = parseClusterForm(input.form);
  if (!value) return { outcome: "invalid", problems };
  const found = await deps.db
    .select({ id: r.id, key: r.key, stateUnderReview: r.stateUnderReview })
    .from(r)
    .where(inArray(r.key, value.memberKeys));
  const received = new Map(found.filter((m) => m.stateUnderReview === writer.stateIso3).map((m) => [m.key, m.id]));
  const foreign = value.memberKeys.find((key) => !received.has(key));
  if (foreign !== undefined)
    return {
      outcome: "invalid",
      problems: { members: { key: "tracking.error.memberNotReceived", values: { key: foreign } } },
    };
  const [sameName] = await deps.db
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.organisationId, writer.organisationId),
        eq(c.name, value.name),
        current ? ne(c.id, current.id) : undefined,
      ),
    );
  if (sameName) return { outcome: "invalid", problems: { name: { key: "tracking.error.clusterNameTaken" } } };

  const { name, memberKeys, ...shared } = value;
  const memberIds = memberKeys.map((key) => received.get(key)!);
  const changedBy = actor.kind === "user" ? actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    let before: Record<string, unknown> | null = null;
    if (current) {
      const [locked] = await db.select().from(c).where(eq(c.id, current.id)).for("update");
      const members = await db
        .select({ key: r.key })
        .from(cm)
        .innerJoin(r, eq(r.id, cm.recommendationId))
        .where(eq(cm.clusterId, current.id))
        .orderBy(asc(r.key));
      const beforeKeys = members.map((m) => m.key);
      if (
        locked &&
        locked.name === name &&
        isSameTracking(stateOf(locked), shared) &&
        beforeKeys.join("\n") === [...memberKeys].sort().join("\n")
      )
        return { outcome: "unchanged", clusterId: current.id };
      before = { ...stateOf(locked ?? current), name: (locked ?? current).name, members: beforeKeys };
    }
    const [row] = current
      ? await db
          .update(c)
          .set({ name, ...shared, updatedBy: changedBy, updatedAt: sql`now()` })
          .where(eq(c.id, current.id))
          .returning()
      : await db
          .insert(c)
          .values({
            organisationId: writer.organisationId,
            stateIso3: writer.stateIso3,
            name,
            ...shared,
            updatedBy: changedBy,
          })
          .returning();
    const clusterId = row!.id;
    await db.delete(cm).where(eq(cm.clusterId, clusterId));
    await db.insert(cm).values(memberIds.map((recommendationId) => ({ clusterId, recommendationId })));
    await db.insert(h).values({ clusterId, ...shared, changedBy });
    await recordAudit(
      db,
      actor,
      {
        action: current ? "tracking-cluster.update" : "tracking-cluster.create",
        subjectType: "recommendation-cluster",
        subjectId: clusterId,
        before,
        after: { ...shared, name, members: [...memberKeys].sort() },
        confidential: TRACKING_CONTENT_FIELDS,
        organisationId: writer.organisationId,
      },
      input.request,
    );
    return { outcome: "saved", clusterId };
  });
}

/** The clusters the actor may see, of one State or of all, by name. */
export async function listClusters(input: { actor: Actor; stateIso3?: string }, deps: { db: Db }) {
  const rows = await deps.db
    .select({
      id: c.id,
      organisationId: c.organisationId,
      stateIso3: c.stateIso3,
      name: c.name,
      status: c.status,
      visibility: c.visibility,
      updatedAt: c.updatedAt,
      members: sql<number>`(select count(*)::int from ${cm} where ${cm.clusterId} = ${c.id})`,
    })
    .from(c)
    .where(and(visibleCluster(input.actor), input.stateIso3 ? eq(c.stateIso3, input.stateIso3) : undefined))
    .orderBy(asc(c.stateIso3), asc(c.name));
  return rows.map((row) => ({
    ...row,
    status: row.status as TrackingStatus,
    visibility: row.visibility as VisibilityTier,
    members: Number(row.members),
  }));
}

/**
 * One cluster as the actor may read it, with its members (and the owner's status for each, where
 * the actor may see that entry) and its dated history; null when not visible.
 */
export async function clusterOf({ actor, id }: { actor: Actor; id: string }, deps: { db: Db }) {
  if (!isUuid(id)) return null;
  const [cluster] = await deps.db
    .select()
    .from(c)
    .where(and(eq(c.id, id), visibleCluster(actor)));
  if (!cluster) return null;
  const [members, history] = await Promise.all([
    deps.db
      .select({
        key: r.key,
        text: r.text,
        language: r.language,
        cycle: r.cycle,
        year: r.year,
        status: t.status,
      })
      .from(cm)
      .innerJoin(r, eq(r.id, cm.recommendationId))
      .leftJoin(t, and(eq(t.recommendationId, r.id), eq(t.organisationId, cluster.organisationId), visibleEntry(actor)))
      .where(eq(cm.clusterId, cluster.id))
      .orderBy(desc(r.year), asc(r.key)),
    deps.db.select().from(h).where(eq(h.clusterId, cluster.id)).orderBy(desc(h.changedAt)),
  ]);
  const writer = trackingWriterFor(actor, cluster.stateIso3);
  return {
    cluster: {
      id: cluster.id,
      organisationId: cluster.organisationId,
      stateIso3: cluster.stateIso3,
      name: cluster.name,
      ...stateOf(cluster),
      createdAt: cluster.createdAt,
      updatedAt: cluster.updatedAt,
    },
    canEdit: writer !== null && writer.organisationId === cluster.organisationId,
    members: members.map((m) => ({ ...m, status: m.status as TrackingStatus | null })),
    history: visibleHistory(actor, cluster.organisationId, history),
  };
}
