import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/database";
import { audienceOf, canSee, type VisibilityTier, visibleTo } from "../../platform/visibility";
import { disclosedFields, grantableFields, withheldFields } from "./domain/disclosure";
import { isInsider } from "./domain/policy";
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
  return (await grantRowsOf(db, requestId)).map((grant) => grant.organisationId);
}

/** The organisations a request was shared with by name, and the restricted fields each reads. */
export async function grantRowsOf(db: Db, requestId: string) {
  return db.select({ organisationId: g.organisationId, fields: g.fields }).from(g).where(eq(g.requestId, requestId));
}

/**
 * The field lists granted on each of these requests to any of these organisations (a viewer's),
 * in one query for a whole page of a list.
 */
export async function grantedFieldsFor(
  db: Db,
  requestIds: readonly string[],
  organisationIds: readonly string[],
): Promise<Map<string, string[][]>> {
  const byRequest = new Map<string, string[][]>();
  if (requestIds.length === 0 || organisationIds.length === 0) return byRequest;
  const rows = await db
    .select({ requestId: g.requestId, fields: g.fields })
    .from(g)
    .where(and(inArray(g.requestId, [...requestIds]), inArray(g.organisationId, [...organisationIds])));
  for (const row of rows) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row.fields]);
  return byRequest;
}

/**
 * What the actor reads of one request's restricted fields, given the request's grants: the
 * disclosure rule (domain/disclosure.ts) fed with who the actor is to the request.
 */
export function disclosureOf(
  actor: Actor,
  row: Pick<RequestRow, "organisationId">,
  grants: readonly { organisationId: string; fields: readonly string[] }[],
) {
  const organisations = audienceOf(actor).organisations;
  const disclosed = disclosedFields({
    insider: isInsider(actor, { ownerOrganisationId: row.organisationId }),
    grants: grants.filter((grant) => organisations.includes(grant.organisationId)).map((grant) => grant.fields),
  });
  return { disclosed, withheld: withheldFields(disclosed) };
}

/**
 * Shares a request with one organisation by name, with exactly these restricted fields (replacing
 * any earlier list): the State's consent to a match. In the caller's transaction.
 */
export async function grantRequestFields(
  db: Db,
  input: { requestId: string; organisationId: string; fields: readonly string[] },
): Promise<void> {
  const fields = grantableFields(input.fields);
  await db
    .insert(g)
    .values({ requestId: input.requestId, organisationId: input.organisationId, fields })
    .onConflictDoUpdate({ target: [g.requestId, g.organisationId], set: { fields, grantedAt: sql`now()` } });
}

/** Ends a request's sharing with one organisation: the State revoked its consent. */
export async function revokeRequestGrant(db: Db, input: { requestId: string; organisationId: string }): Promise<void> {
  await db.delete(g).where(and(eq(g.requestId, input.requestId), eq(g.organisationId, input.organisationId)));
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One request the actor may see, or null (whether it does not exist or is hidden: the same answer). */
export async function selectVisibleRequest(db: Db, actor: Actor, id: string, lock = false) {
  const row = lock ? await lockRequest(db, id) : UUID.test(id) ? await selectRequest(db, id) : null;
  if (!row) return null;
  const grantRows = await grantRowsOf(db, id);
  const grants = grantRows.map((grant) => grant.organisationId);
  return canSee(actor, visibleRecordOf(row, grants)) ? { row, grants, grantRows } : null;
}

async function selectRequest(db: Db, id: string): Promise<RequestRow | null> {
  const [row] = await db.select().from(r).where(eq(r.id, id));
  return row ?? null;
}

/**
 * One request's row without a lock, whoever may see it: for a use case that already holds a lock
 * the request's must come before (matching holds an offer's; its matches-act.ts gives the order).
 */
export async function readRequest(db: Db, id: string): Promise<RequestRow | null> {
  return UUID.test(id) ? selectRequest(db, id) : null;
}

/**
 * One request locked for the caller's transaction, whoever may see it: for use cases that judge
 * the actor themselves (the match workflow). Null for an id that is not a uuid or not a request.
 */
export async function lockRequest(db: Db, id: string): Promise<RequestRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(r).where(eq(r.id, id)).for("update");
  return row ?? null;
}

/**
 * One request's row, whole, if the actor may see the request (the visibility rule), else null.
 * Its restricted fields are not redacted: the caller decides what of it leaves (disclosureOf).
 */
export async function visibleRequestRow(
  db: Db,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | null> {
  return (await selectVisibleRequest(db, actor, id, options.lock))?.row ?? null;
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
