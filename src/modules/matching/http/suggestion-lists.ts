import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import { referenceNames } from "../../reference-data";
import { suggestedOffers, suggestedRequests } from "../use-cases/suggestions";

/**
 * What leaves the server of a suggestion list, for the pages and the API alike: the record it is
 * for, then each suggestion's public part, score and reasons. The use cases have already judged
 * who reads the list and which suggestions still stand; this only names things in the reader's
 * language. Null where the use case found no list for this reader (answered as not found).
 */
export async function offersSuggestedForRequest(
  input: { actor: Actor; requestId: string; locale: Locale },
  deps: { db: Db },
) {
  const found = await suggestedOffers({ actor: input.actor, requestId: input.requestId }, deps);
  if (!found) return null;
  const names = await referenceNames({ actor: input.actor, locale: input.locale }, deps);
  return {
    request: {
      id: found.request.id,
      seq: found.request.seq,
      title: found.request.title,
      language: found.request.language,
    },
    computedAt: found.computedAt?.toISOString() ?? null,
    suggestions: found.suggestions.map((s) => ({
      id: s.offer.id,
      title: s.offer.title,
      language: s.offer.language,
      provider: s.offer.provider,
      capacityLeft: s.offer.capacityLeft,
      score: s.score,
      reasons: s.reasons,
      weightsVersion: s.weightsVersion,
    })),
    themes: names.themes,
  };
}

export async function requestsSuggestedForOffer(
  input: { actor: Actor; offerId: string; locale: Locale },
  deps: { db: Db },
) {
  const found = await suggestedRequests({ actor: input.actor, offerId: input.offerId }, deps);
  if (!found) return null;
  const names = await referenceNames({ actor: input.actor, locale: input.locale }, deps);
  return {
    offer: { id: found.offer.id, title: found.offer.title, language: found.offer.language },
    computedAt: found.computedAt?.toISOString() ?? null,
    suggestions: found.suggestions.map((s) => ({
      id: s.request.id,
      seq: s.request.seq,
      title: s.request.title,
      language: s.request.language,
      state: { iso3: s.request.stateIso3, name: names.states[s.request.stateIso3] ?? s.request.stateIso3 },
      score: s.score,
      reasons: s.reasons,
      weightsVersion: s.weightsVersion,
    })),
    themes: names.themes,
  };
}
