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

// A full refresh prepares some 20,000 requests and offers, each with seven lists of codes: these
// helpers make no closure per call (under tsx, whose kept function names cost a property each).

/** Codes sorted and without duplicates, each the market's one instance of it (see `Vocabulary.code`). */
function sorted(items: readonly string[], vocabulary: Vocabulary): string[] {
  // Sorted first, then each run of equal codes kept once: no set per list.
  const all = items.slice().sort();
  const unique: string[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) unique.push(vocabulary.code(all[i]!));
  return unique;
}

function familiesOf(themes: readonly string[], vocabulary: Vocabulary): string[] {
  const families: string[] = [];
  for (const theme of themes) {
    const family = themeFamilyOf(theme);
    if (family !== null) families.push(family);
  }
  return sorted(families, vocabulary);
}

function codes(items: readonly string[], vocabulary: Vocabulary): string[] {
  const instances: string[] = [];
  for (const code of items) instances.push(vocabulary.code(code));
  return instances;
}

/** SDG targets only (codes with a dot): the goal codes recommendations also carry are left out. */
function targetsOnly(codes: readonly string[]): string[] {
  const targets: string[] = [];
  for (const code of codes) if (code.includes(".")) targets.push(code);
  return targets;
}

/** The State, as the hard rules read it. */
const stateOf = (state: StateProfile, vocabulary: Vocabulary): StateProfile => ({
  iso3: vocabulary.code(state.iso3),
  regionalGroup: state.regionalGroup === null ? null : vocabulary.code(state.regionalGroup),
  statuses: codes(state.statuses, vocabulary),
});

const eligibilityOf = (eligibility: OfferEligibility, vocabulary: Vocabulary): OfferEligibility => ({
  regionalGroups: codes(eligibility.regionalGroups, vocabulary),
  statuses: codes(eligibility.statuses, vocabulary),
  namedStates: codes(eligibility.namedStates, vocabulary),
});

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
    organisationId: vocabulary.code(facts.organisationId),
    state: stateOf(facts.state, vocabulary),
    themes: sorted(facts.themes, vocabulary),
    families: familiesOf(facts.themes, vocabulary),
    recommendationThemes: sorted(facts.recommendationThemes, vocabulary),
    sdgTargets: sorted([...facts.sdgTargets, ...targetsOnly(facts.recommendationSdgs)], vocabulary),
    supportKinds: sorted(facts.supportKinds, vocabulary),
    workingLanguages: sorted(facts.workingLanguages, vocabulary),
    providerTypes: sorted(facts.providerTypes, vocabulary),
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
    organisationId: vocabulary.code(facts.organisationId),
    status: facts.status,
    providerType: facts.providerType === null ? null : vocabulary.code(facts.providerType),
    themes: sorted(facts.themes, vocabulary),
    families: familiesOf(facts.themes, vocabulary),
    sdgTargets: sorted(facts.sdgTargets, vocabulary),
    supportKinds: sorted(facts.supportKinds, vocabulary),
    workingLanguages: sorted(facts.workingLanguages, vocabulary),
    eligibility: eligibilityOf(facts.eligibility, vocabulary),
    capacity: facts.capacity,
    engagements: facts.engagements,
    validFrom: facts.validFrom,
    validUntil: facts.validUntil,
    text: textVector(tokens, statistics, vocabulary),
  };
}
