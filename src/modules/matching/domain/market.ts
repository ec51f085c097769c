import type { OfferEligibility, StateProfile } from "../../../platform/eligibility";
import type { MarketOffer, MarketRequest } from "./score";
import { type TextStatistics, textVector, tokenize, type Vocabulary } from "./text";
import { themeFamilyOf } from "./theme-families";

/** A request as the database gives it, before scoring prepares it. */
export interface RequestFacts {
  id: string;
  organisationId: string;
  state: StateProfile;
  title: string;
  summary: string;
  themes: readonly string[];
  sdgTargets: readonly string[];
  supportKinds: readonly string[];
  workingLanguages: readonly string[];
  providerTypes: readonly string[];
  desiredStart: string | null;
  /** The themes and SDG codes of the recommendations it cites (goal codes are ignored: targets only). */
  recommendationThemes: readonly string[];
  recommendationSdgs: readonly string[];
}

export interface OfferFacts {
  id: string;
  organisationId: string;
  status: string;
  providerType: string | null;
  title: string;
  description: string;
  themes: readonly string[];
  sdgTargets: readonly string[];
  supportKinds: readonly string[];
  workingLanguages: readonly string[];
  eligibility: OfferEligibility;
  capacity: number;
  engagements: number;
  validFrom: string | null;
  validUntil: string | null;
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

const familiesOf = (themes: readonly string[]) =>
  sorted(themes.map(themeFamilyOf).filter((f): f is NonNullable<typeof f> => f !== null));

export const requestTokens = (r: Pick<RequestFacts, "title" | "summary">) => tokenize(`${r.title} ${r.summary}`);
export const offerTokens = (o: Pick<OfferFacts, "title" | "description">) => tokenize(`${o.title} ${o.description}`);

/** `tokens`: the request's words when the caller has them already (from building the statistics). */
export function marketRequest(
  facts: RequestFacts,
  statistics: TextStatistics,
  vocabulary: Vocabulary,
  tokens: readonly string[] = requestTokens(facts),
): MarketRequest {
  return {
    id: facts.id,
    organisationId: facts.organisationId,
    state: facts.state,
    themes: sorted(facts.themes),
    families: familiesOf(facts.themes),
    recommendationThemes: sorted(facts.recommendationThemes),
    sdgTargets: sorted([...facts.sdgTargets, ...facts.recommendationSdgs.filter((code) => code.includes("."))]),
    supportKinds: sorted(facts.supportKinds),
    workingLanguages: sorted(facts.workingLanguages),
    providerTypes: sorted(facts.providerTypes),
    desiredStart: facts.desiredStart,
    text: textVector(tokens, statistics, vocabulary),
  };
}

export function marketOffer(
  facts: OfferFacts,
  statistics: TextStatistics,
  vocabulary: Vocabulary,
  tokens: readonly string[] = offerTokens(facts),
): MarketOffer {
  return {
    id: facts.id,
    organisationId: facts.organisationId,
    status: facts.status,
    providerType: facts.providerType,
    themes: sorted(facts.themes),
    families: familiesOf(facts.themes),
    sdgTargets: sorted(facts.sdgTargets),
    supportKinds: sorted(facts.supportKinds),
    workingLanguages: sorted(facts.workingLanguages),
    eligibility: facts.eligibility,
    capacity: facts.capacity,
    engagements: facts.engagements,
    validFrom: facts.validFrom,
    validUntil: facts.validUntil,
    text: textVector(tokens, statistics, vocabulary),
  };
}
