import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { VisibilityTier } from "../../../platform/visibility";
import { listClusters, recommendationSummaries } from "../../recommendations";
import { redactRequest } from "../domain/disclosure";
import { committeeGroupOf, isInsider, partyOf } from "../domain/policy";
import { waitingDays } from "../domain/request";
import { effectiveTier } from "../domain/visibility";
import { availableActions, isDirectAction, isEditable, type RequestState } from "../domain/workflow";
import { requestEvents as e } from "../schema";
import { disclosureOf, linksOf, selectVisibleRequest } from "../store";
import { currentCriteria, screeningsOf } from "./screening";

/**
 * One request as the actor may read it, or null (absent and hidden answer alike). Its State and
 * the secretariat also read its screening and the reasons given at each step; everyone else who
 * may see it reads the steps without them, and only the restricted fields granted to it.
 */
export async function getRequest(input: { actor: Actor; id: string; now?: Date }, deps: { db: Db }) {
  const { actor } = input;
  const found = await selectVisibleRequest(deps.db, actor, input.id);
  if (!found) return null;
  const party = partyOf(actor, { ownerOrganisationId: found.row.organisationId });
  const insider = isInsider(actor, { ownerOrganisationId: found.row.organisationId });
  // The budget, schedule and counterparts only to those the State consented to share them with.
  const { disclosed, withheld } = disclosureOf(actor, found.row, found.grantRows);
  const row = redactRequest(found.row, disclosed);
  const links = await linksOf(deps.db, row.id);
  const [recommendations, clusters, events, screenings, criteria] = await Promise.all([
    recommendationSummaries({ actor, ids: links.recommendationIds }, deps),
    links.clusterIds.length ? listClusters({ actor, stateIso3: row.stateIso3 }, deps) : Promise.resolve([]),
    deps.db.select().from(e).where(eq(e.requestId, row.id)).orderBy(asc(e.at)),
    insider ? screeningsOf(deps.db, row.id) : Promise.resolve([]),
    insider ? currentCriteria({ actor }, deps) : Promise.resolve(null),
  ]);
  const now = input.now ?? new Date();
  const state = row.state as RequestState;
  return {
    request: {
      ...row,
      state,
      shownAs: effectiveTier(state, row.visibility as VisibilityTier, row.submittedAt !== null),
      waitingDays: waitingDays(row, now),
    },
    recommendations,
    // Only the clusters the request cites, and only those the actor may see (clusters have tiers of their own).
    clusters: clusters.filter((c) => links.clusterIds.includes(c.id)).map((c) => ({ id: c.id, name: c.name })),
    events: events.map((event) => ({
      action: event.action,
      toState: event.toState as RequestState,
      at: event.at,
      reason: insider ? event.reason : null,
    })),
    screenings: screenings.map((s) => ({
      kind: s.kind as "decision" | "view",
      criteriaVersion: s.criteriaVersion,
      answers: s.answers,
      outcome: s.outcome as "open" | "return",
      comment: s.comment,
      regionalGroup: s.regionalGroup,
      recordedAt: s.recordedAt,
    })),
    criteria,
    /** The restricted fields the actor does not read (emptied above): a page says they need consent. */
    withheld,
    party,
    canScreenView: committeeGroupOf(actor) !== null && (state === "submitted" || state === "screening"),
    canEdit: party === "owner" && isEditable(state),
    /** The State and the secretariat read the offers suggested for a request still open to providers. */
    hasSuggestions: insider && (state === "open" || state === "matched"),
    actions: availableActions(state, party).filter(isDirectAction),
    canDecide: party === "secretariat" && (state === "submitted" || state === "screening"),
  };
}
