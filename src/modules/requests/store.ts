import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/database";
import { canSee, type VisibilityTier, visibleTo } from "../../platform/visibility";
import { effectiveTier } from "./domain/visibility";
import type { RequestState } from "./domain/workflow";
import {
  requestGrants as g,
  supportRequests as r,
  requestClusters as rc,
  requestRecommendations as rr,
} from "./schema";

export type RequestRow = typeof r.$inferSelect;

/** `effectiveTier` (domain/visibility.ts) as SQL, so lists and counts judge exactly as pages do. */
export const effectiveTierSql: SQL<VisibilityTier> = sql<VisibilityTier>`(case
  when ${r.state} = 'draft' or (${r.state} = 'withdrawn' and ${r.submittedAt} is null) then 'private'
  when ${r.state} in ('submitted', 'screening', 'returned', 'withdrawn') or ${r.visibility} = 'private' then 'secretariat'
  else ${r.visibility} end)`;

/** The one visibility rule, for requests: their current tier, their owner, and the organisations granted them. */
export function visibleRequest(actor: Actor): SQL {
  return visibleTo(actor, {
    owner: r.organisationId,
    visibility: effectiveTierSql,
    grantedTo: (ids) =>
      sql`exists (select 1 from ${g} where ${g.requestId} = ${r.id} and ${inArray(g.organisationId, ids)})`,
  });
}

export async function grantsOf(db: Db, requestId: string): Promise<string[]> {
  const rows = await db.select({ id: g.organisationId }).from(g).where(eq(g.requestId, requestId));
  return rows.map((row) => row.id);
}

/** The record the visibility rule judges, for one request in memory. */
export function visibleRecordOf(
  row: Pick<RequestRow, "organisationId" | "state" | "visibility" | "submittedAt">,
  grants: string[],
) {
  return {
    ownerOrganisationId: row.organisationId,
    visibility: effectiveTier(row.state as RequestState, row.visibility as VisibilityTier, row.submittedAt !== null),
    grantedOrganisationIds: grants,
  };
}

/** One request the actor may see, or null (whether it does not exist or is hidden: the same answer). */
export async function selectVisibleRequest(db: Db, actor: Actor, id: string, lock = false) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const query = db.select().from(r).where(eq(r.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const grants = await grantsOf(db, id);
  return canSee(actor, visibleRecordOf(row, grants)) ? { row, grants } : null;
}

export async function linksOf(db: Db, requestId: string) {
  const [recommendationIds, clusterIds] = await Promise.all([
    db.select({ id: rr.recommendationId }).from(rr).where(eq(rr.requestId, requestId)),
    db.select({ id: rc.clusterId }).from(rc).where(eq(rc.requestId, requestId)),
  ]);
  return { recommendationIds: recommendationIds.map((x) => x.id), clusterIds: clusterIds.map((x) => x.id) };
}

export async function replaceLinks(
  db: Db,
  requestId: string,
  links: { recommendationIds?: readonly string[]; clusterIds?: readonly string[] },
) {
  if (links.recommendationIds) {
    await db.delete(rr).where(eq(rr.requestId, requestId));
    if (links.recommendationIds.length > 0)
      await db.insert(rr).values(links.recommendationIds.map((recommendationId) => ({ requestId, recommendationId })));
  }
  if (links.clusterIds) {
    await db.delete(rc).where(eq(rc.requestId, requestId));
    if (links.clusterIds.length > 0)
      await db.insert(rc).values(links.clusterIds.map((clusterId) => ({ requestId, clusterId })));
  }
}

export function requestsCiting(recommendationId: string): SQL {
  return sql`exists (select 1 from ${rr} where ${rr.requestId} = ${r.id} and ${and(eq(rr.recommendationId, recommendationId))})`;
}
