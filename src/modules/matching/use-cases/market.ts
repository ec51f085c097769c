import type { Db } from "../../../platform/db/database";
import { offersForMatching } from "../../offers";
import { recommendationSubjects } from "../../recommendations";
import { requestsForMatching } from "../../requests";
import type { OfferFacts, RequestFacts } from "../domain/market";

type RequestRow = Awaited<ReturnType<typeof requestsForMatching>>[number];
type OfferRow = Awaited<ReturnType<typeof offersForMatching>>[number];

export interface LoadedRequest {
  facts: RequestFacts;
  matchable: boolean;
  changedAt: Date;
}
export interface LoadedOffer {
  facts: OfferFacts;
  changedAt: Date;
}

/** Requests with what their cited recommendations are about, as scoring reads them. */
export async function loadRequests(db: Db, filter: Parameters<typeof requestsForMatching>[1] = {}) {
  const rows = await requestsForMatching(db, filter);
  const subjects = await recommendationSubjects(
    db,
    rows.flatMap((row) => row.recommendationIds),
  );
  return rows.map((row) => requestFactsOf(row, subjects));
}

function requestFactsOf(row: RequestRow, subjects: Map<string, { themes: string[]; sdgs: string[] }>): LoadedRequest {
  const cited = row.recommendationIds.map((id) => subjects.get(id)).filter((s) => s !== undefined);
  return {
    matchable: row.matchable,
    changedAt: row.changedAt,
    facts: {
      id: row.id,
      organisationId: row.organisationId,
      state: { iso3: row.stateIso3, regionalGroup: row.regionalGroup, statuses: row.statuses },
      title: row.title,
      summary: row.summary,
      themes: row.themes,
      sdgTargets: row.sdgTargets,
      supportKinds: row.supportKinds,
      workingLanguages: row.workingLanguages,
      providerTypes: row.providerTypes,
      desiredStart: row.desiredStart,
      recommendationThemes: cited.flatMap((s) => s.themes),
      recommendationSdgs: cited.flatMap((s) => s.sdgs),
    },
  };
}

export async function loadOffers(db: Db, filter: Parameters<typeof offersForMatching>[1] = {}): Promise<LoadedOffer[]> {
  const rows = await offersForMatching(db, filter);
  return rows.map((row: OfferRow) => ({
    changedAt: row.changedAt,
    facts: {
      id: row.id,
      organisationId: row.provider.id,
      status: row.status,
      providerType: row.provider.type,
      title: row.title,
      description: row.description,
      themes: row.themes,
      sdgTargets: row.sdgTargets,
      supportKinds: row.supportKinds,
      workingLanguages: row.workingLanguages,
      eligibility: row.eligibility,
      capacity: row.capacity,
      engagements: row.engagements,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
    },
  }));
}
