import { and, count, desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { organisationNameOf } from "../../accounts";
import { type Offer, visibleOffersByIds } from "../../offers";
import { getRequest, MATCHABLE_STATES, type RequestRow, visibleRequestRow } from "../../requests";
import {
  availableMatchActions,
  canReadMatch,
  type MatchAction,
  type MatchParty,
  type MatchState,
  type Proposer,
  partyOf,
} from "../domain/workflow";
import { matches as m, type StoredReason } from "../schema";
import { explainPair, type PairExplanation } from "./explain-pair";
import { eventsOf, isUuid, liveMatchOf, visibleMatch } from "./matches-store";

/** What any reader of a match reads of its request: the part every provider that sees it reads. */
function publicPart(row: RequestRow) {
  return {
    id: row.id,
    seq: row.seq,
    title: row.title,
    summary: row.summary,
    language: row.language,
    stateIso3: row.stateIso3,
    state: row.state,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    supportKinds: row.supportKinds,
    providerTypes: row.providerTypes,
    workingLanguages: row.workingLanguages,
  };
}
export type RequestPublicPart = ReturnType<typeof publicPart>;

function presentMatch(row: typeof m.$inferSelect & { stateName: string | null; providerName: string | null }) {
  return {
    id: row.id,
    number: row.seq,
    requestId: row.requestId,
    offerId: row.offerId,
    state: row.state as MatchState,
    proposedBy: row.proposedBy as Proposer,
    message: row.message,
    scope: row.scope,
    score: row.score,
    reasons: (row.reasons ?? []) as StoredReason[],
    weightsVersion: row.weightsVersion,
    stateOrganisation: { id: row.stateOrganisationId, name: row.stateName ?? "" },
    providerOrganisation: { id: row.providerOrganisationId, name: row.providerName ?? "" },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    consentedAt: row.consentedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
export type MatchView = ReturnType<typeof presentMatch>;

const withNames = {
  stateName: organisationNameOf(m.stateOrganisationId),
  providerName: organisationNameOf(m.providerOrganisationId),
};

/**
 * The matches the actor may read, newest change first: its own organisations' (as the State or
 * the provider), every match for the secretariat and the advisory committee. Each names its request
 * and offer only as far as the actor may see them.
 */
export async function listMatches(
  input: { actor: Actor; state?: MatchState | null; limit?: number; offset?: number },
  deps: { db: Db },
) {
  const { actor } = input;
  const limit = input.limit ?? 20;
  const offset = input.offset ?? 0;
  const where = and(visibleMatch(actor), input.state ? eq(m.state, input.state) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ match: m, ...withNames })
      .from(m)
      .where(where)
      .orderBy(desc(m.updatedAt), desc(m.seq))
      .limit(limit)
      .offset(offset),
    deps.db.select({ n: count() }).from(m).where(where),
  ]);
  const offers = new Map(
    (
      await visibleOffersByIds(
        actor,
        rows.map((r) => r.match.offerId),
        deps,
      )
    ).map((o) => [o.id, o]),
  );
  const items = [];
  for (const row of rows) {
    const request = await visibleRequestRow(deps.db, actor, row.match.requestId);
    const match = presentMatch({ ...row.match, stateName: row.stateName, providerName: row.providerName });
    const offer = offers.get(row.match.offerId);
    items.push({
      ...match,
      party: partyOf(actor, row.match),
      request: request
        ? { id: request.id, number: request.seq, title: request.title, language: request.language }
        : null,
      offer: offer ? { id: offer.id, number: offer.number, title: offer.title, language: offer.language } : null,
    });
  }
  return { items, total: Number(total?.n ?? 0), limit, offset };
}

/**
 * One match, with its history and the steps the actor may take; null for a match the actor may
 * not read (absent and hidden answer alike). Its request and offer are shown as far as the actor
 * may see them: the request's public part only, whatever the State shared (the request's page
 * shows the rest to those it was shared with).
 */
export async function getMatch(input: { actor: Actor; id: string }, deps: { db: Db }) {
  const { actor } = input;
  if (!isUuid(input.id)) return null;
  const [row] = await deps.db
    .select({ match: m, ...withNames })
    .from(m)
    .where(eq(m.id, input.id));
  if (!row || !canReadMatch(actor, row.match)) return null;
  const [request, [offer], events] = await Promise.all([
    visibleRequestRow(deps.db, actor, row.match.requestId),
    visibleOffersByIds(actor, [row.match.offerId], deps),
    eventsOf(deps.db, row.match.id),
  ]);
  const match = presentMatch({ ...row.match, stateName: row.stateName, providerName: row.providerName });
  const party = partyOf(actor, row.match);
  const actions = availableMatchActions(match.state, party);
  return {
    match,
    request: request ? publicPart(request) : null,
    offer: offer ?? null,
    events: events.map((e) => ({
      action: e.action as MatchAction | "propose",
      fromState: e.fromState as MatchState | null,
      toState: e.toState as MatchState,
      reason: e.reason,
      scope: e.scope,
      at: e.at.toISOString(),
    })),
    party,
    actions,
  };
}

/**
 * The consent screen's content: exactly what the provider will read once the State consents —
 * the request's public part, and each restricted field with its current value, for the State to
 * choose from. Only for the State's focal points, and only while the match waits for consent;
 * null otherwise (the page answers 404 or sends the reader back to the match).
 */
export async function getConsentScreen(input: { actor: Actor; id: string }, deps: { db: Db }) {
  const found = await getMatch(input, deps);
  if (found?.party !== "state") return null;
  const full = await getRequest({ actor: input.actor, id: found.match.requestId }, deps);
  if (!full) return null;
  const r = full.request;
  return {
    match: found.match,
    offer: found.offer,
    canConsent: found.actions.includes("consent"),
    request: {
      ...publicPart(r),
      recommendations: full.recommendations.map((rec) => ({ key: rec.key, text: rec.text, language: rec.language })),
      clusters: full.clusters,
    },
    restricted: {
      budget:
        r.budgetMinor !== null && r.budgetCurrency !== null
          ? { amountMinor: Number(r.budgetMinor), currency: r.budgetCurrency }
          : null,
      schedule: { desiredStart: r.desiredStart, durationMonths: r.durationMonths },
      counterparts: r.counterparts,
    },
  };
}

export type ProposalRefusal = "not-a-party" | "request-not-open" | "offer-unavailable" | "ineligible";

/**
 * What a proposal would be, before it is made: both sides as the actor sees them, who the actor
 * would propose as, and the score with its reasons. Null when the actor may not see either.
 */
export async function previewProposal(
  input: { actor: Actor; requestId: string; offerId: string },
  deps: { db: Db },
): Promise<{
  request: RequestPublicPart;
  offer: Offer;
  party: MatchParty;
  explanation: PairExplanation;
  liveMatchId: string | null;
  refusal: ProposalRefusal | null;
} | null> {
  const { actor } = input;
  if (!isUuid(input.requestId) || !isUuid(input.offerId)) return null;
  const [row, [offer]] = await Promise.all([
    visibleRequestRow(deps.db, actor, input.requestId),
    visibleOffersByIds(actor, [input.offerId], deps),
  ]);
  if (!row || !offer) return null;
  const party = partyOf(actor, { stateOrganisationId: row.organisationId, providerOrganisationId: offer.provider.id });
  const [explanation, live] = await Promise.all([
    explainPair(deps.db, { requestId: row.id, offerId: offer.id }),
    liveMatchOf(deps.db, { requestId: row.id, offerId: offer.id }),
  ]);
  const refusal: ProposalRefusal | null =
    party === "other"
      ? "not-a-party"
      : !(MATCHABLE_STATES as readonly string[]).includes(row.state)
        ? "request-not-open"
        : offer.status !== "open" || offer.capacityLeft <= 0
          ? "offer-unavailable"
          : !explanation.eligible
            ? "ineligible"
            : null;
  return { request: publicPart(row), offer, party, explanation, liveMatchId: live?.id ?? null, refusal };
}
