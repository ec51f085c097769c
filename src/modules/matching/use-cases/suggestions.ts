import { and, asc, eq } from "drizzle-orm";
import { type Actor, effectiveMemberships } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { audienceOf } from "../../../platform/visibility";
import { type Offer, visibleOffersByIds } from "../../offers";
import { visibleRequestCards } from "../../requests";
import { ineligibility, type MarketRequest } from "../domain/score";
import { matchingState as ms, matchSuggestions as s, unpackReason } from "../schema";
import { loadRequests } from "./market";
import { isUuid } from "./matches-store";

/** Who may read the suggestions of a record: its own organisation, and the secretariat. */
function mayReadSuggestionsOf(actor: Actor, organisationId: string): boolean {
  return effectiveMemberships(actor).some((m) => m.organisationId === organisationId) || audienceOf(actor).secretariat;
}

async function storedList(db: Db, side: "request" | "offer", subjectId: string) {
  return db
    .select()
    .from(s)
    .where(and(eq(s.side, side), eq(s.subjectId, subjectId)))
    .orderBy(asc(s.rank));
}

/** When the stored lists were last brought up to date: the last refresh; null before the first. */
async function listsComputedAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ computedAt: ms.computedAt }).from(ms).where(eq(ms.id, 1));
  return row?.computedAt ?? null;
}

/**
 * The offers suggested for a request, best first, with each reason: for the State that asked and
 * the secretariat (null for anyone else, and for a request they may not see). Each offer is shown
 * only if the reader may see it, and only while it is still open, has capacity and covers the State,
 * whatever the stored list says: the list may be a minute old, the hard rules never are.
 */
export async function suggestedOffers(input: { actor: Actor; requestId: string }, deps: { db: Db }) {
  // A malformed id names no record; the database would refuse to compare it with a uuid.
  if (!isUuid(input.requestId)) return null;
  const [card] = await visibleRequestCards(input.actor, [input.requestId], deps);
  if (!card || !mayReadSuggestionsOf(input.actor, card.organisationId)) return null;
  const [rows, [request], computedAt] = await Promise.all([
    storedList(deps.db, "request", card.id),
    loadRequests(deps.db, { ids: [card.id] }),
    listsComputedAt(deps.db),
  ]);
  const offers = new Map(
    (
      await visibleOffersByIds(
        input.actor,
        rows.map((row) => row.candidateId),
        deps,
      )
    ).map((o) => [o.id, o]),
  );
  const suggestions = rows.flatMap((row) => {
    const offer = offers.get(row.candidateId);
    if (!offer || !request || !stillSuggestible(offer, request.facts)) return [];
    return [{ offer, score: row.score, reasons: row.reasons.map(unpackReason), weightsVersion: row.weightsVersion }];
  });
  return { request: card, suggestions, computedAt };
}

/** The hard rules of scoring, on the offer as it stands now. */
function stillSuggestible(offer: Offer, request: Pick<MarketRequest, "organisationId" | "state">) {
  return ineligibility(request, { ...offer, organisationId: offer.provider.id }) === null;
}

/**
 * The requests suggested for an offer, best first, with each reason: for the provider's own
 * organisation and the secretariat. Only requests the reader may see are listed, by the one
 * visibility rule, and only their public part.
 */
export async function suggestedRequests(input: { actor: Actor; offerId: string }, deps: { db: Db }) {
  if (!isUuid(input.offerId)) return null;
  const [offer] = await visibleOffersByIds(input.actor, [input.offerId], deps);
  if (!offer || !mayReadSuggestionsOf(input.actor, offer.provider.id)) return null;
  const [rows, computedAt] = await Promise.all([storedList(deps.db, "offer", offer.id), listsComputedAt(deps.db)]);
  const ids = rows.map((row) => row.candidateId);
  const [cards, facts] = await Promise.all([
    visibleRequestCards(input.actor, ids, deps),
    loadRequests(deps.db, { ids }),
  ]);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const factsById = new Map(facts.map((f) => [f.facts.id, f.facts]));
  const suggestions = rows.flatMap((row) => {
    const request = byId.get(row.candidateId);
    const f = factsById.get(row.candidateId);
    if (!request || !f || !stillSuggestible(offer, f)) return [];
    return [{ request, score: row.score, reasons: row.reasons.map(unpackReason), weightsVersion: row.weightsVersion }];
  });
  return { offer, suggestions, computedAt };
}
