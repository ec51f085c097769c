import { isEligible, type OfferEligibility, type StateProfile } from "../../../platform/eligibility";
import { cosine, type TextVector } from "./text";
import { REASON_CODES, type ReasonCode, type Weights } from "./weights";

/**
 * A request as scoring reads it. Lists are sorted and without duplicates (`marketRequest` makes
 * them so); `sdgTargets` holds the request's own targets and those of the recommendations it cites.
 */
export interface MarketRequest {
  id: string;
  organisationId: string;
  state: StateProfile;
  themes: readonly string[];
  /** The theme families of `themes`. */
  families: readonly string[];
  /** Themes of the recommendations the request cites. */
  recommendationThemes: readonly string[];
  sdgTargets: readonly string[];
  supportKinds: readonly string[];
  workingLanguages: readonly string[];
  /** Provider types the State prefers; empty: no preference. */
  providerTypes: readonly string[];
  /** ISO date; null: as soon as possible. */
  desiredStart: string | null;
  text: TextVector;
}

export interface MarketOffer {
  id: string;
  organisationId: string;
  status: string;
  providerType: string | null;
  themes: readonly string[];
  families: readonly string[];
  sdgTargets: readonly string[];
  supportKinds: readonly string[];
  workingLanguages: readonly string[];
  eligibility: OfferEligibility;
  capacity: number;
  engagements: number;
  validFrom: string | null;
  validUntil: string | null;
  text: TextVector;
}

export interface ScoringContext {
  weights: Weights;
  /** ISO date: the start of a request that names none. */
  today: string;
}

export type Ineligibility = "offer-not-open" | "capacity-used" | "own-offer" | "not-eligible";

/**
 * The hard rules, before any weight: a closed or paused offer, one whose capacity is used up, a
 * State's own offer, or a State the offer does not cover is never suggested, however well it fits.
 */
export function ineligibility(
  request: Pick<MarketRequest, "organisationId" | "state">,
  offer: Pick<MarketOffer, "status" | "capacity" | "engagements" | "organisationId" | "eligibility">,
): Ineligibility | null {
  if (offer.status !== "open") return "offer-not-open";
  if (offer.engagements >= offer.capacity) return "capacity-used";
  if (offer.organisationId === request.organisationId) return "own-offer";
  if (!isEligible(offer.eligibility, request.state)) return "not-eligible";
  return null;
}

/** How many items two sorted lists share. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** The items two sorted lists share, in order. */
function shared(a: readonly string[], b: readonly string[]): string[] {
  const items: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      items.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return items;
}

/**
 * The share of the smaller list found in the other (the overlap coefficient): a request on two
 * themes that an offer covers both of fits fully, however many other themes the offer has.
 * Adding an item to both lists never lowers it.
 */
function overlap(a: readonly string[], b: readonly string[]): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

/** Where each reason sits in a measures or contributions array (REASON_CODES order). */
export const REASON_INDEX = Object.fromEntries(REASON_CODES.map((code, i) => [code, i])) as Record<ReasonCode, number>;
/** Slots of a measures or contributions array: one per reason, then whether the pair shares a subject at all. */
export const ANY_SUBJECT = REASON_CODES.length;
export const CONTRIBUTION_SLOTS = REASON_CODES.length + 1;

/** Whether the offer is valid when the request wants to start (today, for a request that names no start). */
export function inTime(request: MarketRequest, offer: MarketOffer, today: string): boolean {
  const start = request.desiredStart ?? today;
  return (
    (offer.validFrom === null || offer.validFrom <= start) && (offer.validUntil === null || start <= offer.validUntil)
  );
}

/** The share of an offer's capacity still free: the same whatever the request. */
export function capacityShare(offer: MarketOffer): number {
  return offer.capacity > 0 ? Math.max(0, offer.capacity - offer.engagements) / offer.capacity : 0;
}

/** What an offer's remaining capacity adds (as `weigh` computes it). */
export function capacityContribution(offer: MarketOffer, w: Weights): number {
  return w.capacity * capacityShare(offer);
}

/**
 * How far each reason holds for an eligible pair, from 0 to 1, into `out` (REASON_CODES order),
 * and in its ANY_SUBJECT slot whether the pair shares a subject (1) or not (0).
 */
export function measure(request: MarketRequest, offer: MarketOffer, today: string, out: Float64Array) {
  const theme = overlap(request.themes, offer.themes);
  const family = overlap(request.families, offer.families);
  const recommendationTheme = overlap(request.recommendationThemes, offer.themes);
  const target = overlap(request.sdgTargets, offer.sdgTargets);
  out[REASON_INDEX.theme] = theme;
  out[REASON_INDEX["theme-family"]] = family;
  out[REASON_INDEX["recommendation-theme"]] = recommendationTheme;
  out[REASON_INDEX["sdg-target"]] = target;
  out[REASON_INDEX["support-kind"]] = overlap(request.supportKinds, offer.supportKinds);
  out[REASON_INDEX.language] = sharedCount(request.workingLanguages, offer.workingLanguages) > 0 ? 1 : 0;
  out[REASON_INDEX["provider-type"]] =
    offer.providerType !== null && request.providerTypes.includes(offer.providerType) ? 1 : 0;
  out[REASON_INDEX.timing] = inTime(request, offer, today) ? 1 : 0;
  out[REASON_INDEX.capacity] = capacityShare(offer);
  out[REASON_INDEX.text] = cosine(request.text, offer.text);
  out[ANY_SUBJECT] = theme > 0 || recommendationTheme > 0 || target > 0 || family > 0 ? 1 : 0;
}

/**
 * Turns measures (`measure`) into contributions in place, each reason its weight times how far it
 * holds, and returns the total. The one place a score is summed: the engine measures pairs from
 * its own indexes and brute force with `measure`, and both add here, so they agree to the last bit.
 */
export function weigh(out: Float64Array, w: Weights): number {
  out[REASON_INDEX.theme] = w.theme * out[REASON_INDEX.theme]!;
  out[REASON_INDEX["theme-family"]] = w["theme-family"] * out[REASON_INDEX["theme-family"]]!;
  out[REASON_INDEX["recommendation-theme"]] = w["recommendation-theme"] * out[REASON_INDEX["recommendation-theme"]]!;
  out[REASON_INDEX["sdg-target"]] = w["sdg-target"] * out[REASON_INDEX["sdg-target"]]!;
  out[REASON_INDEX["support-kind"]] = w["support-kind"] * out[REASON_INDEX["support-kind"]]!;
  out[REASON_INDEX.language] = w.language * out[REASON_INDEX.language]!;
  out[REASON_INDEX["provider-type"]] = w["provider-type"] * out[REASON_INDEX["provider-type"]]!;
  out[REASON_INDEX.timing] = w.timing * out[REASON_INDEX.timing]!;
  out[REASON_INDEX.capacity] = w.capacity * out[REASON_INDEX.capacity]!;
  out[REASON_INDEX.text] = w.text * out[REASON_INDEX.text]!;
  let total = 0;
  for (let i = 0; i < REASON_CODES.length; i++) total += out[i]!;
  return total;
}

/**
 * The score of an eligible pair, reason by reason, into `out` (one slot per reason, in
 * REASON_CODES order, then ANY_SUBJECT); returns the total. The hot path of every suggestion: no
 * allocation. Each reason adds its weight times how far it holds (0 to 1).
 */
export function contributions(
  request: MarketRequest,
  offer: MarketOffer,
  context: ScoringContext,
  out: Float64Array,
): number {
  measure(request, offer, context.today, out);
  return weigh(out, context.weights);
}

/**
 * Reasons that rest on a request's restricted fields (decision 014): timing reads the State's
 * desired start, which is part of its schedule. What providers read (an offer's list of requests,
 * a proposal, a match) leaves them out, and their contributions with them, so that neither a
 * reason, a score nor a rank tells a provider what the State has not shared. The request's own
 * list, read by the State and the secretariat, keeps them.
 */
export const RESTRICTED_REASONS: readonly ReasonCode[] = ["timing"];
// Summed afresh rather than subtracted from the total, so that it does not depend, even in its last
// bit, on what the restricted reasons added.
const TOLD_SLOTS = REASON_CODES.flatMap((code, i) => (RESTRICTED_REASONS.includes(code) ? [] : [i]));

/**
 * Who a score is for: the requesting State and the secretariat read every reason; a provider
 * (anyone else) reads the score without RESTRICTED_REASONS.
 */
export type Audience = "state" | "provider";

/** The total of the contributions in `out` (from `contributions`) a provider may be told. */
export function providerTotal(out: Float64Array): number {
  let total = 0;
  for (const slot of TOLD_SLOTS) total += out[slot]!;
  return total;
}

/** Scores as stored and shown: two decimals, the same wherever a score is written. */
export const roundScore = (n: number) => Math.round(n * 100) / 100;

export interface Reason {
  code: ReasonCode;
  /** What this reason added to the score. */
  contribution: number;
  /** What the two sides share for this reason (theme codes, SDG targets, kinds, languages…). */
  items: string[];
}

/** A reason as stored and shown: its contribution rounded as scores are (`roundScore`). */
export const roundReason = (reason: Reason): Reason => ({ ...reason, contribution: roundScore(reason.contribution) });

export type Score =
  | { eligible: false; why: Ineligibility }
  | {
      eligible: true;
      total: number;
      /** Only the reasons that added something, in the order of REASON_CODES. */
      reasons: Reason[];
      /** A suggestion needs a shared subject: a theme, a theme family or an SDG target. */
      sharesSubject: boolean;
    };

/** What the two sides of a pair share for a reason (theme codes, SDG targets, kinds, languages…). */
function sharedItems(code: ReasonCode, request: MarketRequest, offer: MarketOffer): string[] {
  switch (code) {
    case "theme":
      return shared(request.themes, offer.themes);
    case "theme-family":
      return shared(request.families, offer.families);
    case "recommendation-theme":
      return shared(request.recommendationThemes, offer.themes);
    case "sdg-target":
      return shared(request.sdgTargets, offer.sdgTargets);
    case "support-kind":
      return shared(request.supportKinds, offer.supportKinds);
    case "language":
      return shared(request.workingLanguages, offer.workingLanguages);
    case "provider-type":
      return offer.providerType ? [offer.providerType] : [];
    default:
      return [];
  }
}

/**
 * `score(request, offer)`: the hard rules, then each reason with its contribution and what it
 * rests on, for the audience named (see `Audience`). Every stored suggestion is scored here once
 * more for its reasons, some 200,000 on a full refresh: no closure is made per call.
 */
export function score(
  request: MarketRequest,
  offer: MarketOffer,
  context: ScoringContext,
  audience: Audience = "state",
): Score {
  const why = ineligibility(request, offer);
  if (why) return { eligible: false, why };
  const out = new Float64Array(CONTRIBUTION_SLOTS);
  const total = contributions(request, offer, context, out);
  const reasons: Reason[] = [];
  for (let i = 0; i < REASON_CODES.length; i++) {
    const code = REASON_CODES[i]!;
    const told = audience === "state" || !RESTRICTED_REASONS.includes(code);
    if (out[i]! > 0 && told) reasons.push({ code, contribution: out[i]!, items: sharedItems(code, request, offer) });
  }
  return {
    eligible: true,
    total: audience === "state" ? total : providerTotal(out),
    reasons,
    sharesSubject: out[ANY_SUBJECT] === 1,
  };
}
