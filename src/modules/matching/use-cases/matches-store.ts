import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { visibleTo } from "../../../platform/visibility";
import { grantRequestFields, revokeRequestGrant } from "../../requests";
import { grantedScope, LIVE_MATCH_STATES, type MatchState, type Proposer } from "../domain/workflow";
import { matchEvents as e, matches as m } from "../schema";

export type MatchRow = typeof m.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The one visibility rule, for matches (domain/workflow.ts `matchRecord`) as SQL. */
export function visibleMatch(actor: Actor): SQL {
  return visibleTo(actor, {
    owner: m.stateOrganisationId,
    visibility: sql`'secretariat'`,
    grantedTo: (ids) => inArray(m.providerOrganisationId, ids),
  });
}

/**
 * What a match joins, read without a lock (it never changes): a step locks the match's request and
 * offer before the match itself (matches-act.ts gives the order), so it must know them first.
 */
export async function matchPairOf(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      requestId: m.requestId,
      offerId: m.offerId,
      stateOrganisationId: m.stateOrganisationId,
      providerOrganisationId: m.providerOrganisationId,
    })
    .from(m)
    .where(eq(m.id, id));
  return row ?? null;
}

/** One match locked for the caller's transaction: two steps on it at once are taken one after the other. */
export async function lockMatch(db: Db, id: string): Promise<MatchRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(m).where(eq(m.id, id)).for("update");
  return row ?? null;
}

/**
 * An offer's matches in these states, locked for the caller's transaction (in a stable order, so
 * two callers take them one after the other). Only these rows are locked: the offer's other
 * matches stay free for their parties' own steps.
 */
export async function lockMatchesOfOffer(db: Db, offerId: string, states: readonly MatchState[]): Promise<MatchRow[]> {
  if (!isUuid(offerId) || states.length === 0) return [];
  return db
    .select()
    .from(m)
    .where(and(eq(m.offerId, offerId), inArray(m.state, [...states])))
    .orderBy(asc(m.seq))
    .for("update");
}

/** A request's matches in these states, locked for the caller's transaction in a stable order. */
export async function lockMatchesOfRequest(
  db: Db,
  requestId: string,
  states: readonly MatchState[],
): Promise<MatchRow[]> {
  if (!isUuid(requestId) || states.length === 0) return [];
  return db
    .select()
    .from(m)
    .where(and(eq(m.requestId, requestId), inArray(m.state, [...states])))
    .orderBy(asc(m.seq))
    .for("update");
}

export async function liveMatchOf(db: Db, pair: { requestId: string; offerId: string }) {
  const [row] = await db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.requestId, pair.requestId), eq(m.offerId, pair.offerId), inArray(m.state, [...LIVE_MATCH_STATES])));
  return row ?? null;
}

export async function eventsOf(db: Db, matchId: string) {
  return db.select().from(e).where(eq(e.matchId, matchId)).orderBy(asc(e.at), asc(e.id));
}

/** The request's matches in these states (all of them when none are given). */
export async function matchesOfRequest(db: Db, requestId: string, states?: readonly MatchState[]) {
  return db
    .select()
    .from(m)
    .where(and(eq(m.requestId, requestId), states ? inArray(m.state, [...states]) : undefined));
}

/**
 * Brings what one provider organisation reads of a request in line with its matches on it
 * (domain/workflow.ts `grantedScope`): granted the union of the scopes consented to and still
 * held, or the request's public part while the State's own proposal stands, or nothing. Called
 * after every step that starts or ends a consent, in the same transaction.
 */
export async function syncProviderGrant(db: Db, pair: { requestId: string; providerOrganisationId: string }) {
  // Two matches of one provider on one request may change at once under different locks (an offer
  // closing declines one while the State consents to the other): each reads the other's state
  // below, so the grant's own lock makes them take turns, the second reading what the first
  // committed. A lock of its own, taken last, since neither holds the request's (matches-act.ts).
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`grant:${pair.requestId}:${pair.providerOrganisationId}`}, 0))`,
  );
  const rows = await db
    .select({ state: m.state, proposedBy: m.proposedBy, scope: m.scope })
    .from(m)
    .where(and(eq(m.requestId, pair.requestId), eq(m.providerOrganisationId, pair.providerOrganisationId)));
  const scope = grantedScope(
    rows.map((row) => ({ state: row.state as MatchState, proposedBy: row.proposedBy as Proposer, scope: row.scope })),
  );
  const target = { requestId: pair.requestId, organisationId: pair.providerOrganisationId };
  if (scope === null) await revokeRequestGrant(db, target);
  else await grantRequestFields(db, { ...target, fields: scope });
  return scope;
}

/**
 * `syncProviderGrant` for each distinct pair, in the order of their ids: a step that ends several
 * matches takes the grants' locks in the same order as any other, so two such steps never wait on
 * each other in a circle.
 */
export async function syncProviderGrants(
  db: Db,
  pairs: readonly { requestId: string; providerOrganisationId: string }[],
) {
  const keyed = new Map(pairs.map((p) => [`${p.requestId}:${p.providerOrganisationId}`, p]));
  for (const key of [...keyed.keys()].sort()) await syncProviderGrant(db, keyed.get(key)!);
}
