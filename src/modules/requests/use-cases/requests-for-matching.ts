import { and, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { developmentStatusesOf, regionalGroupOf } from "../../reference-data";
import { supportRequests as r, requestRecommendations as rr } from "../schema";
import { visibleRequest } from "../store";

/** Requests providers may still answer: open, or matched and open to further partners. */
export const MATCHABLE_STATES = ["open", "matched"] as const;

/**
 * Requests as the matching module scores them: the fields scoring reads (never the restricted
 * ones: budget, schedule beyond the desired start, counterparts), the State's group and statuses,
 * and the recommendations cited. No visibility filter: scoring is the platform's own work; what
 * anyone is shown of the result goes through `visibleRequestCards`. `changedSince` gives every
 * request changed after a moment, whatever its state, so the caller can drop those no longer open.
 */
export async function requestsForMatching(db: Db, filter: { changedSince?: Date; ids?: readonly string[] } = {}) {
  const conditions: SQL[] = [];
  if (filter.changedSince) conditions.push(gt(r.updatedAt, filter.changedSince));
  else conditions.push(inArray(r.state, [...MATCHABLE_STATES]));
  if (filter.ids) conditions.push(inArray(r.id, [...filter.ids]));
  const rows = await db
    .select({
      id: r.id,
      organisationId: r.organisationId,
      state: r.state,
      stateIso3: r.stateIso3,
      regionalGroup: regionalGroupOf(r.stateIso3),
      statuses: developmentStatusesOf(r.stateIso3),
      title: r.title,
      summary: r.summary,
      themes: r.themes,
      sdgTargets: r.sdgTargets,
      supportKinds: r.supportKinds,
      workingLanguages: r.workingLanguages,
      providerTypes: r.providerTypes,
      desiredStart: r.desiredStart,
      updatedAt: r.updatedAt,
      recommendationIds: sql<
        string[]
      >`array(select ${rr.recommendationId}::text from ${rr} where ${rr.requestId} = ${r.id})`,
    })
    .from(r)
    .where(and(...conditions));
  return rows.map((row) => ({
    ...row,
    matchable: (MATCHABLE_STATES as readonly string[]).includes(row.state),
    changedAt: new Date(row.updatedAt),
  }));
}

/**
 * What a suggestion list shows of requests: their public part only (title, State, themes, kinds,
 * languages, state), for the requests among `ids` the actor may see.
 */
export async function visibleRequestCards(actor: Actor, ids: readonly string[], deps: { db: Db }) {
  if (ids.length === 0) return [];
  return deps.db
    .select({
      id: r.id,
      seq: r.seq,
      organisationId: r.organisationId,
      stateIso3: r.stateIso3,
      state: r.state,
      title: r.title,
      summary: r.summary,
      language: r.language,
      themes: r.themes,
      sdgTargets: r.sdgTargets,
      supportKinds: r.supportKinds,
      workingLanguages: r.workingLanguages,
      openedAt: r.openedAt,
    })
    .from(r)
    .where(and(inArray(r.id, [...ids]), visibleRequest(actor), inArray(r.state, [...MATCHABLE_STATES])));
}
