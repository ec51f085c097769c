import { isEligible, type OfferEligibility, type StateProfile } from "../../../platform/eligibility";
import {
  ANY_SUBJECT,
  CONTRIBUTION_SLOTS,
  capacityContribution,
  capacityShare,
  contributions,
  ineligibility,
  inTime,
  type MarketOffer,
  type MarketRequest,
  measure,
  providerTotal,
  REASON_INDEX,
  RESTRICTED_REASONS,
  type ScoringContext,
  weigh,
} from "./score";
import { EMPTY_VECTOR, type TextVector } from "./text";
import { REASON_CODES } from "./weights";

/** Whose list: a request's (of offers) or an offer's (of requests). */
type Side = "request" | "offer";

/** How many suggestions each request and each offer gets. */
export const TOP = 10;

export interface Suggestion {
  /** The other side: an offer's id in a request's list, a request's id in an offer's list. */
  id: string;
  score: number;
}

/**
 * Bounds and scores are sums of the same terms added in different orders, so they may differ in
 * the last bits: a pair is skipped only when its bound is short of a list by more than this.
 */
const SLACK = 1e-9;

/**
 * A best-first list of at most TOP entries, by score and then by id (so equal scores always
 * rank the same way, and the engine and the brute force agree to the last place).
 */
class TopList {
  readonly scores: number[] = [];
  readonly others: number[] = [];

  /** Whether an entry of `score` could still enter: the list is short, or its last entry scores no more. */
  admits(score: number): boolean {
    return this.scores.length < TOP || score >= this.scores[this.scores.length - 1]!;
  }

  /** Whether a pair that scores at most `bound` could still enter. */
  within(bound: number): boolean {
    return this.scores.length < TOP || bound + SLACK >= this.scores[this.scores.length - 1]!;
  }

  /** Inserts in place; an entry already held (a pair met again from the other side) is left as it is. */
  insert(score: number, other: number, idOf: (i: number) => string): boolean {
    if (!this.admits(score) || this.others.includes(other)) return false;
    let at = this.scores.length;
    const id = idOf(other);
    while (at > 0) {
      const s = this.scores[at - 1]!;
      if (s > score || (s === score && idOf(this.others[at - 1]!) < id)) break;
      at--;
    }
    if (at >= TOP) return false;
    // Entries from `at` move down one place (the tenth falls off a full list); no array is made.
    const last = Math.min(this.scores.length, TOP - 1);
    if (this.scores.length < TOP) {
      this.scores.push(score);
      this.others.push(other);
    }
    for (let k = last; k > at; k--) {
      this.scores[k] = this.scores[k - 1]!;
      this.others[k] = this.others[k - 1]!;
    }
    this.scores[at] = score;
    this.others[at] = other;
    return true;
  }

  clear() {
    this.scores.length = 0;
    this.others.length = 0;
  }
}

/** Small whole numbers for theme codes, SDG targets and families, so postings and counts are arrays. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  idsOf(keys: readonly string[]): number[] {
    return keys.map((key) => {
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
      }
      return id;
    });
  }
}

/**
 * For each key, the requests (or offers) that have it, in one list per eligibility class (see
 * `Coverage`): a search walks only the lists of classes the hard rules let it meet.
 */
class Postings {
  private readonly lists: (number[] | undefined)[][] = [];
  /** The lists under `key`, indexed by class; a class with none has a hole. */
  classesOf(key: number): readonly (number[] | undefined)[] {
    return this.lists[key] ?? NONE;
  }
  add(keys: readonly number[], item: number, cls: number) {
    for (const key of keys) {
      const byClass = this.lists[key] ?? [];
      this.lists[key] = byClass;
      const list = byClass[cls];
      if (list) list.push(item);
      else byClass[cls] = [item];
    }
  }
  remove(keys: readonly number[], item: number, cls: number) {
    for (const key of keys) {
      const list = this.lists[key]?.[cls];
      const at = list ? list.indexOf(item) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }
}
const NONE: readonly (number[] | undefined)[] = [];

/**
 * Bit sets over a small vocabulary (theme families, kinds of support, languages, provider types),
 * so a bound can count shared items in a few instructions. Items past the 30th share one last bit;
 * two sets that both have it are taken to share as much as they can, so a bound stays a bound.
 */
const OVERFLOW_BIT = 30;
class BitVocabulary {
  private readonly bits = new Map<string, number>();
  maskOf(items: readonly string[]): number {
    let mask = 0;
    for (const item of items) {
      let bit = this.bits.get(item);
      if (bit === undefined) {
        bit = Math.min(this.bits.size, OVERFLOW_BIT);
        if (bit < OVERFLOW_BIT) this.bits.set(item, bit);
      }
      mask |= 1 << bit;
    }
    return mask;
  }
}

function bitCount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The overlap coefficient of two lists from how many items they share and their lengths (as `overlap` in score.ts). */
function share(shared: number, aLength: number, bLength: number): number {
  const smaller = Math.min(aLength, bLength);
  return smaller === 0 ? 0 : shared / smaller;
}

/** At least the overlap coefficient of two lists (`overlap` in score.ts), exactly it below the overflow bit. */
function overlapAtMost(a: number, b: number, aLength: number, bLength: number): number {
  const smaller = Math.min(aLength, bLength);
  if (smaller === 0) return 0;
  const shared = (a & b & (1 << OVERFLOW_BIT)) !== 0 ? smaller : bitCount(a & b);
  return shared / smaller;
}

/**
 * A date as a number that orders as the ISO text does (2027-03-01 → 20270301). Text that is not an
 * ISO date gives NaN, which every comparison in `bound` treats as in time: still a bound.
 */
function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : Number.NaN;
}

const offsets = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((name, i) => [name, i])) as Record<K, number>;

/**
 * What a bound reads of each request or offer: one record of numbers each, side by side in one
 * flat array, indexed like the engine's arrays. A search reads a candidate's measures together,
 * so they sit together: one or two cache lines a candidate instead of one a measure.
 */
class Records<K extends string> {
  /** Where each measure sits in a record. */
  readonly at: Readonly<Record<K, number>>;
  readonly stride: number;
  values = new Float64Array(0);
  constructor(private readonly names: readonly K[]) {
    this.at = offsets(names);
    this.stride = names.length;
  }
  set(i: number, values: Record<K, number>) {
    const end = (i + 1) * this.stride;
    if (end > this.values.length) {
      const grown = new Float64Array(Math.max(64 * this.stride, end, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    for (const name of this.names) this.values[i * this.stride + this.at[name]] = values[name];
  }
}
// Counts of a request's themes, recommendation themes, targets, families and kinds; bit sets of its
// families, kinds, languages and preferred provider types; when it wants to start (a day number);
// its State's profile (see `Coverage`).
const REQUEST_FIELDS = [
  "themes",
  "recommendationThemes",
  "targets",
  "families",
  "familyBits",
  "kinds",
  "kindBits",
  "languageBits",
  "providerBits",
  "start",
  "profile",
] as const;
/** Where each measure sits in a request's record. */
const R = offsets(REQUEST_FIELDS);
// The same of an offer (its own provider type as a bit set), when it is valid (day numbers, open
// ends infinite), what its remaining capacity adds to any pair (the same for every request), and
// its eligibility rule's class (see `Coverage`).
const OFFER_FIELDS = [
  "themes",
  "targets",
  "families",
  "familyBits",
  "kinds",
  "kindBits",
  "languageBits",
  "providerBits",
  "from",
  "until",
  "capacity",
  "rule",
] as const;
/** Where each measure sits in an offer's record. */
const O = offsets(OFFER_FIELDS);

/** The eligibility class of every rule that names States: it may cover any profile, so its pairs are judged one by one. */
const NAMES_STATES = 0;

/**
 * Which State profiles each eligibility rule covers, so that a search never meets a pair the hard
 * rules exclude. A State's profile is its regional group and statuses: all that a rule naming no
 * State looks at, so one answer serves every State of a profile and every offer of a rule. Offers
 * with the same rule share a class; rules that name States share class NAMES_STATES, which a search
 * walks whatever the profile, leaving `ineligibility` to judge each pair.
 */
class Coverage {
  private readonly ruleIds = new Map<string, number>([["names States", NAMES_STATES]]);
  private readonly rules: (OfferEligibility | null)[] = [null];
  private readonly profileIds = new Map<string, number>();
  private readonly profiles: StateProfile[] = [];
  /** Per rule, per profile: 0 not yet asked, 1 covers, 2 excludes. */
  private readonly known: Int8Array[] = [new Int8Array(0)];

  get ruleCount() {
    return this.rules.length;
  }
  get profileCount() {
    return this.profiles.length;
  }

  ruleOf(eligibility: OfferEligibility): number {
    if (eligibility.namedStates.length > 0) return NAMES_STATES;
    const key = `${[...eligibility.regionalGroups].sort().join(" ")}|${[...eligibility.statuses].sort().join(" ")}`;
    let id = this.ruleIds.get(key);
    if (id === undefined) {
      id = this.rules.push(eligibility) - 1;
      this.ruleIds.set(key, id);
      this.known.push(new Int8Array(0));
    }
    return id;
  }

  profileOf(state: StateProfile): number {
    const key = `${state.regionalGroup}|${[...state.statuses].sort().join(" ")}`;
    let id = this.profileIds.get(key);
    if (id === undefined) {
      id = this.profiles.push(state) - 1;
      this.profileIds.set(key, id);
    }
    return id;
  }

  covers(rule: number, profile: number): boolean {
    if (rule === NAMES_STATES) return true;
    let known = this.known[rule]!;
    if (profile >= known.length) {
      const grown = new Int8Array(Math.max(16, profile + 1, known.length * 2));
      grown.set(known);
      this.known[rule] = known = grown;
    }
    if (known[profile] === 0) known[profile] = isEligible(this.rules[rule]!, this.profiles[profile]!) ? 1 : 2;
    return known[profile] === 1;
  }
}

/** Where a request or an offer stands in the postings (small ids). */
interface RequestKeys {
  themes: number[];
  recommendationThemes: number[];
  targets: number[];
  families: number[];
}
interface OfferKeys {
  themes: number[];
  targets: number[];
  families: number[];
}

/**
 * The text vector of the list being searched, spread over term ids, so that a candidate's cosine
 * with it is one read per term of the candidate's own: no merge of two lists, whose every step is a
 * branch the processor cannot predict. The same products added in the same order (term ids
 * ascending; a term not shared adds nought) as `cosine` in text.ts, so the same value to the bit.
 */
class SpreadText {
  private weights = new Float64Array(0);
  private terms: Int32Array = EMPTY_VECTOR.terms;

  spread(vector: TextVector, span: number) {
    for (const term of this.terms) this.weights[term] = 0;
    if (span > this.weights.length) this.weights = new Float64Array(Math.max(span, this.weights.length * 2));
    this.terms = vector.terms;
    for (let i = 0; i < vector.terms.length; i++) this.weights[vector.terms[i]!] = vector.weights[i]!;
  }

  /** `cosine(request, offer)` where the spread vector is the offer's (`spreadIsOffer`) or the request's. */
  cosine(candidate: TextVector, spreadIsOffer: boolean): number {
    const terms = candidate.terms;
    const weights = candidate.weights;
    let sum = 0;
    // Products written request × offer, as `cosine` multiplies them.
    if (spreadIsOffer) for (let i = 0; i < terms.length; i++) sum += weights[i]! * this.weights[terms[i]!]!;
    else for (let i = 0; i < terms.length; i++) sum += this.weights[terms[i]!]! * weights[i]!;
    return Math.min(1, sum);
  }
}

/**
 * Scratch space of one list's search: the candidates met, how many themes, recommendation themes and
 * SDG targets each shares with the list's owner, and each one's bound. Indexed by candidate; grown on demand.
 */
class Scratch {
  seen = new Int32Array(0);
  themes = new Int32Array(0);
  recommendationThemes = new Int32Array(0);
  targets = new Int32Array(0);
  candidates = new Int32Array(0);
  /** Each candidate's subject part (what its themes, recommendation themes and targets add)… */
  subjects = new Float64Array(0);
  /** …and the most it could score in the list searched. */
  bounds = new Float64Array(0);
  order = new Int32Array(0);
  bucketOf = new Int32Array(0);
  readonly starts = new Int32Array(BUCKETS + 1);
  stamp = 0;
  /** Which classes of the other side a search may meet (see `Coverage`): 1 yes, 0 no. */
  covered = new Uint8Array(16);

  fitClasses(count: number) {
    if (count > this.covered.length) this.covered = new Uint8Array(Math.max(count, this.covered.length * 2));
  }

  /** Marks candidate `c` met in this search, sharing nothing yet. */
  meet(c: number) {
    this.seen[c] = this.stamp;
    this.themes[c] = 0;
    this.recommendationThemes[c] = 0;
    this.targets[c] = 0;
  }

  fit(size: number) {
    if (size <= this.seen.length) return;
    const grown = Math.max(size, this.seen.length * 2, 64);
    const keep = <T extends Int32Array | Float64Array>(old: T, fresh: T) => {
      fresh.set(old);
      return fresh;
    };
    this.seen = keep(this.seen, new Int32Array(grown));
    this.themes = keep(this.themes, new Int32Array(grown));
    this.recommendationThemes = keep(this.recommendationThemes, new Int32Array(grown));
    this.targets = keep(this.targets, new Int32Array(grown));
    this.candidates = new Int32Array(grown);
    this.subjects = new Float64Array(grown);
    this.bounds = new Float64Array(grown);
    this.order = new Int32Array(grown);
    this.bucketOf = new Int32Array(grown);
  }
}

/** How finely candidates are ordered by bound before scoring: enough to score the likeliest first. */
const BUCKETS = 64;

/**
 * The best offers for every open request and the best requests for every open offer, found
 * without scoring every pair.
 *
 * A list is searched in three steps. First the postings of its owner's themes (the request's own
 * and its recommendations') and SDG targets are walked, counting for each candidate how many of
 * each it shares: those counts give that part of the score exactly. Only candidates the hard rules
 * allow are met: postings are split by eligibility class (`Coverage`). Bit sets give every other
 * reason exactly but text, taken at its full weight, so each candidate has a tight upper bound.
 * Then candidates are scored best bound first, from what the search holds (`measure`), and the
 * search stops once ten scored pairs beat the best bound left. Last, pairs that share only a theme
 * family are looked at only while such a pair could still enter the list.
 *
 * The lists are therefore exactly those that scoring every pair would give (`bruteForceSuggestions`);
 * property tests hold the two to that. A pair must share a subject (a theme, a theme family or an
 * SDG target) to be suggested. Changes are applied one request or offer at a time; `takeChanges`
 * says which lists moved.
 */
export class SuggestionEngine {
  private readonly requests: (MarketRequest | null)[] = [];
  private readonly offers: (MarketOffer | null)[] = [];
  private readonly requestKeys: (RequestKeys | null)[] = [];
  private readonly requestRecords = new Records(REQUEST_FIELDS);
  private readonly offerRecords = new Records(OFFER_FIELDS);
  private readonly offerKeys: (OfferKeys | null)[] = [];
  private readonly requestAt = new Map<string, number>();
  private readonly offerAt = new Map<string, number>();
  private readonly themeIds = new Dictionary();
  private readonly targetIds = new Dictionary();
  private readonly familyIds = new Dictionary();
  private readonly coverage = new Coverage();
  private readonly familyBits = new BitVocabulary();
  private readonly kindBits = new BitVocabulary();
  private readonly languageBits = new BitVocabulary();
  private readonly providerBits = new BitVocabulary();
  private readonly offersByTheme = new Postings();
  private readonly offersByTarget = new Postings();
  private readonly offersByFamily = new Postings();
  private readonly requestsByTheme = new Postings();
  private readonly requestsByRecommendationTheme = new Postings();
  private readonly requestsByTarget = new Postings();
  private readonly requestsByFamily = new Postings();
  private readonly requestTops: TopList[] = [];
  private readonly offerTops: TopList[] = [];
  private readonly scratch = new Scratch();
  private readonly text = new SpreadText();
  /** One past the largest term id of any text vector held: how far `text` may be read. */
  private termSpan = 0;
  private readonly slots = new Float64Array(CONTRIBUTION_SLOTS);
  /** The span of bounds one bucket of `orderByBound` holds. */
  private readonly bucketWidth: number;
  /** Whether providers are told timing (it rests on a restricted field: see RESTRICTED_REASONS). */
  private readonly timingTold = !RESTRICTED_REASONS.includes("timing");
  private readonly changedRequests = new Set<string>();
  private readonly changedOffers = new Set<string>();
  /** Whether lists that move are recorded as changes: not while the engine is built, when all are new. */
  private tracking = false;
  /** How many pairs were scored: what the benchmark and tests compare with all pairs. */
  scored = 0;

  private readonly requestId = (i: number) => this.requests[i]!.id;
  private readonly offerId = (i: number) => this.offers[i]!.id;

  constructor(
    private readonly context: ScoringContext,
    requests: readonly MarketRequest[] = [],
    offers: readonly MarketOffer[] = [],
  ) {
    const w = context.weights;
    this.bucketWidth = REASON_CODES.reduce((sum, code) => sum + w[code], 0) / BUCKETS || 1;
    for (const offer of offers) this.placeOffer(offer);
    for (const request of requests) this.placeRequest(request);
    // Requests first, feeding offers' lists too, so that offers start their own search with a bar to beat.
    for (let r = 0; r < this.requests.length; r++) if (this.requests[r]) this.search("request", r, true);
    for (let o = 0; o < this.offers.length; o++) if (this.offers[o]) this.search("offer", o, false);
    this.tracking = true;
  }

  private placeRequest(request: MarketRequest): number {
    const r = this.requests.push(request) - 1;
    this.fitTerms(request.text);
    const keys: RequestKeys = {
      themes: this.themeIds.idsOf(request.themes),
      recommendationThemes: this.themeIds.idsOf(request.recommendationThemes),
      targets: this.targetIds.idsOf(request.sdgTargets),
      families: this.familyIds.idsOf(request.families),
    };
    this.requestKeys.push(keys);
    this.requestRecords.set(r, {
      themes: keys.themes.length,
      recommendationThemes: keys.recommendationThemes.length,
      targets: keys.targets.length,
      families: keys.families.length,
      familyBits: this.familyBits.maskOf(request.families),
      kinds: request.supportKinds.length,
      kindBits: this.kindBits.maskOf(request.supportKinds),
      languageBits: this.languageBits.maskOf(request.workingLanguages),
      providerBits: this.providerBits.maskOf(request.providerTypes),
      start: dayNumber(request.desiredStart ?? this.context.today),
      profile: this.coverage.profileOf(request.state),
    });
    this.requestTops.push(new TopList());
    this.requestAt.set(request.id, r);
    const profile = this.requestRecords.values[r * this.requestRecords.stride + R.profile]!;
    for (const [postings, ids] of this.listingsOf("request", r)) postings.add(ids, r, profile);
    this.scratch.fit(this.requests.length);
    return r;
  }

  private placeOffer(offer: MarketOffer): number {
    const o = this.offers.push(offer) - 1;
    this.fitTerms(offer.text);
    const keys: OfferKeys = {
      themes: this.themeIds.idsOf(offer.themes),
      targets: this.targetIds.idsOf(offer.sdgTargets),
      families: this.familyIds.idsOf(offer.families),
    };
    this.offerKeys.push(keys);
    this.offerRecords.set(o, {
      themes: keys.themes.length,
      targets: keys.targets.length,
      families: keys.families.length,
      familyBits: this.familyBits.maskOf(offer.families),
      kinds: offer.supportKinds.length,
      kindBits: this.kindBits.maskOf(offer.supportKinds),
      languageBits: this.languageBits.maskOf(offer.workingLanguages),
      providerBits: this.providerBits.maskOf(offer.providerType === null ? [] : [offer.providerType]),
      from: offer.validFrom === null ? Number.NEGATIVE_INFINITY : dayNumber(offer.validFrom),
      until: offer.validUntil === null ? Number.POSITIVE_INFINITY : dayNumber(offer.validUntil),
      capacity: capacityContribution(offer, this.context.weights),
      rule: this.coverage.ruleOf(offer.eligibility),
    });
    this.offerTops.push(new TopList());
    this.offerAt.set(offer.id, o);
    const rule = this.offerRecords.values[o * this.offerRecords.stride + O.rule]!;
    for (const [postings, ids] of this.listingsOf("offer", o)) postings.add(ids, o, rule);
    this.scratch.fit(this.offers.length);
    return o;
  }

  private fitTerms(vector: TextVector) {
    if (vector.terms.length > 0) this.termSpan = Math.max(this.termSpan, vector.terms[vector.terms.length - 1]! + 1);
  }

  /**
   * Scores one pair and offers it to the lists named. `c`, the candidate of the search under way
   * (the request or the offer), has its shared counts in the scratch space.
   */
  private evaluate(side: Side, owner: number, c: number, toRequest: boolean, toOffer: boolean) {
    const forRequest = side === "request";
    const r = forRequest ? owner : c;
    const o = forRequest ? c : owner;
    const request = this.requests[r]!;
    const offer = this.offers[o]!;
    if (ineligibility(request, offer) !== null) return;
    this.scored++;
    this.measure(r, o, c, !forRequest);
    const total = weigh(this.slots, this.context.weights);
    if (this.slots[ANY_SUBJECT] !== 1) return;
    if (toRequest && this.requestTops[r]!.insert(total, o, this.offerId) && this.tracking)
      this.changedRequests.add(request.id);
    // An offer's list is read by its provider: ranked by the score a provider may be told.
    if (toOffer && this.offerTops[o]!.insert(providerTotal(this.slots), r, this.requestId) && this.tracking)
      this.changedOffers.add(offer.id);
  }

  /**
   * How far each reason holds for a pair, into `slots`, as `measure` (score.ts) finds it but from
   * what the engine holds already: the themes, recommendation themes and SDG targets the search
   * counted for candidate `c`, the bit sets, and the owner's text spread (`ownerIsOffer` says whose).
   * A pair whose bit sets share their overflow bit could be miscounted there, so `measure` itself
   * measures it.
   */
  private measure(r: number, o: number, c: number, ownerIsOffer: boolean) {
    const request = this.requests[r]!;
    const offer = this.offers[o]!;
    const out = this.slots;
    const rq = this.requestRecords.values;
    const of = this.offerRecords.values;
    const ri = r * this.requestRecords.stride;
    const oi = o * this.offerRecords.stride;
    const families = rq[ri + R.familyBits]! & of[oi + O.familyBits]!;
    const kinds = rq[ri + R.kindBits]! & of[oi + O.kindBits]!;
    const languages = rq[ri + R.languageBits]! & of[oi + O.languageBits]!;
    const providers = rq[ri + R.providerBits]! & of[oi + O.providerBits]!;
    if (((families | kinds | languages | providers) & (1 << OVERFLOW_BIT)) !== 0) {
      measure(request, offer, this.context.today, out);
      return;
    }
    const s = this.scratch;
    const theme = share(s.themes[c]!, rq[ri + R.themes]!, of[oi + O.themes]!);
    const family = share(bitCount(families), rq[ri + R.families]!, of[oi + O.families]!);
    const recommendationTheme = share(s.recommendationThemes[c]!, rq[ri + R.recommendationThemes]!, of[oi + O.themes]!);
    const target = share(s.targets[c]!, rq[ri + R.targets]!, of[oi + O.targets]!);
    out[REASON_INDEX.theme] = theme;
    out[REASON_INDEX["theme-family"]] = family;
    out[REASON_INDEX["recommendation-theme"]] = recommendationTheme;
    out[REASON_INDEX["sdg-target"]] = target;
    out[REASON_INDEX["support-kind"]] = share(bitCount(kinds), rq[ri + R.kinds]!, of[oi + O.kinds]!);
    out[REASON_INDEX.language] = languages !== 0 ? 1 : 0;
    out[REASON_INDEX["provider-type"]] = providers !== 0 ? 1 : 0;
    out[REASON_INDEX.timing] = inTime(request, offer, this.context.today) ? 1 : 0;
    out[REASON_INDEX.capacity] = capacityShare(offer);
    out[REASON_INDEX.text] = this.text.cosine(ownerIsOffer ? request.text : offer.text, ownerIsOffer);
    out[ANY_SUBJECT] = theme > 0 || recommendationTheme > 0 || target > 0 || family > 0 ? 1 : 0;
  }

  /**
   * Walks postings, counting into `count` what each candidate shares; returns the candidates met so
   * far. Without `meetNew`, only candidates met already are counted: the rest could not enter.
   */
  private tally(postings: Postings, keys: readonly number[], count: Int32Array, met: number, meetNew: boolean): number {
    const s = this.scratch;
    const covered = s.covered;
    for (const key of keys) {
      const byClass = postings.classesOf(key);
      for (let k = 0; k < byClass.length; k++) {
        const list = byClass[k];
        if (list === undefined || covered[k] === 0) continue;
        for (const c of list) {
          if (s.seen[c] !== s.stamp) {
            if (!meetNew) continue;
            s.meet(c);
            s.candidates[met++] = c;
          }
          count[c]!++;
        }
      }
    }
    return met;
  }

  /**
   * Which classes of the other side `owner`'s search may meet, into `scratch.covered`: for a
   * request, the rules that cover its State's profile; for an offer, the profiles its rule covers.
   */
  private cover(side: Side, owner: number) {
    const s = this.scratch;
    const c = this.coverage;
    if (side === "request") {
      const profile = this.requestRecords.values[owner * this.requestRecords.stride + R.profile]!;
      s.fitClasses(c.ruleCount);
      for (let rule = 0; rule < c.ruleCount; rule++) s.covered[rule] = c.covers(rule, profile) ? 1 : 0;
    } else {
      const rule = this.offerRecords.values[owner * this.offerRecords.stride + O.rule]!;
      s.fitClasses(c.profileCount);
      for (let profile = 0; profile < c.profileCount; profile++) s.covered[profile] = c.covers(rule, profile) ? 1 : 0;
    }
  }

  /**
   * Walks the candidates `owner` shares only a theme family with (those not met yet), in the
   * classes `cover` let through: each is considered for `owner`'s list, or with `across` (a new
   * request or offer), `owner` is offered to the candidate's list.
   */
  private walkFamilies(side: Side, owner: number, feedOther: boolean, across: boolean) {
    const s = this.scratch;
    const covered = s.covered;
    const forRequest = side === "request";
    const [postings, families] = this.walksOf(side, owner).families;
    for (const family of families) {
      const byClass = postings.classesOf(family);
      for (let k = 0; k < byClass.length; k++) {
        const list = byClass[k];
        if (list === undefined || covered[k] === 0) continue;
        for (const c of list) {
          if (s.seen[c] === s.stamp) continue;
          s.meet(c);
          if (across) this.offerAcross(side, owner, c, 0);
          else
            this.consider(
              side,
              owner,
              c,
              this.restAtMost(side, forRequest ? owner : c, forRequest ? c : owner),
              feedOther,
            );
        }
      }
    }
  }

  /**
   * The most each of the `met` candidates of one list could score, into `scratch.bounds`: what the
   * exact subjects add, from how many themes, recommendation themes and SDG targets it shares (as
   * scoring computes it: shared count over the shorter list; kept in `scratch.subjects`), plus what
   * the other reasons can add for the pair (`restAtMost`). The hottest loop of a search. An offer's
   * list starts its search with entries fed from requests' searches, so a bar to beat.
   */
  private boundAll(side: Side, owner: number, met: number) {
    const s = this.scratch;
    const w = this.context.weights;
    const wTheme = w.theme;
    const wRecommendation = w["recommendation-theme"];
    const wTarget = w["sdg-target"];
    const rq = this.requestRecords.values;
    const of = this.offerRecords.values;
    const rStride = this.requestRecords.stride;
    const oStride = this.offerRecords.stride;
    const { candidates, subjects, bounds, themes, recommendationThemes, targets, bucketOf } = s;
    const starts = s.starts.fill(0);
    const width = this.bucketWidth;
    const forRequest = side === "request";
    const most = this.restMostOf(side, owner);
    const top = this.topOf(side, owner);
    const bar = top.scores.length < TOP ? Number.NEGATIVE_INFINITY : top.scores[TOP - 1]! - SLACK;
    for (let i = 0; i < met; i++) {
      const c = candidates[i]!;
      const request = forRequest ? owner : c;
      const offer = forRequest ? c : owner;
      const r = request * rStride;
      const o = offer * oStride;
      let part = 0;
      const t = themes[c]!;
      if (t > 0) part += wTheme * (t / Math.min(rq[r + R.themes]!, of[o + O.themes]!));
      const m = recommendationThemes[c]!;
      if (m > 0) part += wRecommendation * (m / Math.min(rq[r + R.recommendationThemes]!, of[o + O.themes]!));
      const g = targets[c]!;
      if (g > 0) part += wTarget * (g / Math.min(rq[r + R.targets]!, of[o + O.targets]!));
      subjects[i] = part;
      // Short of the list's bar even with every other reason at its most for this owner: that is
      // bound enough, and the pair's own rest is not worth reading.
      const bound = part + most < bar ? part + most : part + this.restAtMost(side, request, offer);
      bounds[i] = bound;
      // Its bucket for `orderByBound`, counted on the way.
      const b = BUCKETS - 1 - Math.min(BUCKETS - 1, Math.floor(bound / width));
      bucketOf[i] = b;
      starts[b + 1]!++;
    }
  }

  /**
   * The most the other reasons can add: each as scoring computes it (the bit sets count shared
   * families, kinds, languages and provider types), but text similarity, taken at its full weight.
   * Scoring's cosine is what this saves. An offer's list is ranked without the restricted reasons
   * (see RESTRICTED_REASONS), so its bound leaves timing out too.
   */
  private restAtMost(side: Side, request: number, offer: number): number {
    const w = this.context.weights;
    const rq = this.requestRecords.values;
    const of = this.offerRecords.values;
    const r = request * this.requestRecords.stride;
    const o = offer * this.offerRecords.stride;
    let most = of[o + O.capacity]! + w.text;
    most +=
      w["theme-family"] *
      overlapAtMost(rq[r + R.familyBits]!, of[o + O.familyBits]!, rq[r + R.families]!, of[o + O.families]!);
    most +=
      w["support-kind"] * overlapAtMost(rq[r + R.kindBits]!, of[o + O.kindBits]!, rq[r + R.kinds]!, of[o + O.kinds]!);
    if ((rq[r + R.languageBits]! & of[o + O.languageBits]!) !== 0) most += w.language;
    if ((rq[r + R.providerBits]! & of[o + O.providerBits]!) !== 0) most += w["provider-type"];
    const start = rq[r + R.start]!;
    if ((side === "request" || this.timingTold) && !(start < of[o + O.from]! || start > of[o + O.until]!))
      most += w.timing;
    return most;
  }

  /**
   * The most the other reasons can add to any pair of `owner`'s list, from what the owner has: a
   * reason the owner gives no ground for (no kinds, no languages, no preferred provider type) adds
   * nothing whoever the other side is. A few reads, twice a search.
   */
  private restMostOf(side: Side, owner: number): number {
    const w = this.context.weights;
    const forRequest = side === "request";
    const records = forRequest ? this.requestRecords : this.offerRecords;
    const at = forRequest ? R : O;
    const v = records.values;
    const i = owner * records.stride;
    let most = w.text + (forRequest ? w.capacity : v[i + O.capacity]!);
    if (v[i + at.families]! > 0) most += w["theme-family"];
    if (v[i + at.kinds]! > 0) most += w["support-kind"];
    if (v[i + at.languageBits]! !== 0) most += w.language;
    if (v[i + at.providerBits]! !== 0) most += w["provider-type"];
    if (forRequest || this.timingTold) most += w.timing;
    return most;
  }

  /**
   * Orders the `met` candidates by bound, best first, into `scratch.order`: a counting sort into
   * BUCKETS of `bucketWidth` (exact enough to raise a list's bar early, linear in the candidates),
   * whose buckets `boundAll` has counted.
   */
  private orderByBound(met: number) {
    const s = this.scratch;
    const starts = s.starts;
    for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
    for (let i = 0; i < met; i++) s.order[starts[s.bucketOf[i]!]!++] = i;
  }

  /**
   * What a list's search walks: for a request's list, the offers' postings of its themes, of its
   * recommendations' themes and of its SDG targets, then of its families; for an offer's list, the
   * requests' postings of its themes (as their own themes and as their recommendations'), targets
   * and families.
   */
  private walksOf(side: Side, owner: number) {
    if (side === "request") {
      const keys = this.requestKeys[owner]!;
      return {
        themes: [this.offersByTheme, keys.themes] as const,
        recommendationThemes: [this.offersByTheme, keys.recommendationThemes] as const,
        targets: [this.offersByTarget, keys.targets] as const,
        families: [this.offersByFamily, keys.families] as const,
      };
    }
    const keys = this.offerKeys[owner]!;
    return {
      themes: [this.requestsByTheme, keys.themes] as const,
      recommendationThemes: [this.requestsByRecommendationTheme, keys.themes] as const,
      targets: [this.requestsByTarget, keys.targets] as const,
      families: [this.requestsByFamily, keys.families] as const,
    };
  }

  /** The list of a request or an offer. */
  private topOf(side: Side, owner: number): TopList {
    return side === "request" ? this.requestTops[owner]! : this.offerTops[owner]!;
  }

  /**
   * Searches one list (see the class comment); `feedOther` also offers each pair scored to the
   * other side's list. Leaves the exact candidates and their bounds in the scratch space.
   */
  private search(side: Side, owner: number, feedOther: boolean): number {
    const s = this.scratch;
    const walks = this.walksOf(side, owner);
    const top = this.topOf(side, owner);
    s.stamp++;
    this.cover(side, owner);
    this.text.spread(side === "request" ? this.requests[owner]!.text : this.offers[owner]!.text, this.termSpan);
    // The lists are walked by what they can add, most first. A candidate first met in a later list
    // shares nothing in the earlier ones: it can score at most what the later lists add, plus the
    // most the other reasons can (`restMostOf`). Once that is short of the list's bar, no new
    // candidate is met; those met are still counted. (A list that starts empty, as a new request's
    // or offer's does in `admit`, meets every candidate.)
    const w = this.context.weights;
    const most = this.restMostOf(side, owner);
    let met = this.tally(walks.themes[0], walks.themes[1], s.themes, 0, true);
    met = this.tally(
      walks.recommendationThemes[0],
      walks.recommendationThemes[1],
      s.recommendationThemes,
      met,
      top.within(w["recommendation-theme"] + w["sdg-target"] + most),
    );
    met = this.tally(walks.targets[0], walks.targets[1], s.targets, met, top.within(w["sdg-target"] + most));
    this.boundAll(side, owner, met);
    this.orderByBound(met);
    for (let k = 0; k < met; k++) {
      const i = s.order[k]!;
      // Buckets come best first: once the most a bucket's candidates can score is out of reach, so is the rest.
      if (!top.within((BUCKETS - s.bucketOf[i]!) * this.bucketWidth)) break;
      this.consider(side, owner, s.candidates[i]!, s.bounds[i]!, feedOther);
    }
    if (top.within(most)) this.walkFamilies(side, owner, feedOther, false);
    return met;
  }

  /**
   * Scores candidate `c` of `owner`'s list if it could enter it (it could score `bound` at most),
   * and with `feedOther` offers the pair to the candidate's list too. A method, not a closure made
   * for each search. A pair already in the list was scored from the other side.
   */
  private consider(side: Side, owner: number, c: number, bound: number, feedOther: boolean) {
    const forRequest = side === "request";
    const top = this.topOf(side, owner);
    if (top.within(bound) && !top.others.includes(c))
      this.evaluate(side, owner, c, forRequest || feedOther, !forRequest || feedOther);
  }

  /**
   * A new request or offer, placed at `owner`: its own list is searched, then it is offered to every
   * list on the other side it may enter.
   */
  private admit(side: Side, owner: number) {
    const s = this.scratch;
    const met = this.search(side, owner, false);
    // The scratch space still holds the exact candidates and their subject parts.
    for (let i = 0; i < met; i++) this.offerAcross(side, owner, s.candidates[i]!, s.subjects[i]!);
    this.markOnly(met);
    this.walkFamilies(side, owner, false, true);
  }

  /** Offers new `owner` to candidate `c`'s list, if their pair could enter it (its subject part is `subject`). */
  private offerAcross(side: Side, owner: number, c: number, subject: number) {
    const forRequest = side === "request";
    const r = forRequest ? owner : c;
    const o = forRequest ? c : owner;
    if (
      this.topOf(forRequest ? "offer" : "request", c).within(
        subject + this.restAtMost(forRequest ? "offer" : "request", r, o),
      )
    )
      this.evaluate(side, owner, c, !forRequest, forRequest);
  }

  /** A fresh stamp on which only the first `met` candidates are marked met (the exact ones of the last search). */
  private markOnly(met: number) {
    const s = this.scratch;
    s.stamp++;
    for (let i = 0; i < met; i++) s.seen[s.candidates[i]!] = s.stamp;
  }

  /** A new or changed request: its old self leaves every list, its new self is searched and offered to every list it may enter. */
  upsertRequest(request: MarketRequest) {
    this.removeRequest(request.id);
    const r = this.placeRequest(request);
    this.changedRequests.add(request.id);
    this.admit("request", r);
  }

  upsertOffer(offer: MarketOffer) {
    this.removeOffer(offer.id);
    const o = this.placeOffer(offer);
    this.changedOffers.add(offer.id);
    this.admit("offer", o);
  }

  /** Where a request or an offer is listed: each of its postings, with its keys there. */
  private listingsOf(side: Side, i: number): [Postings, readonly number[]][] {
    if (side === "request") {
      const keys = this.requestKeys[i]!;
      return [
        [this.requestsByTheme, keys.themes],
        [this.requestsByRecommendationTheme, keys.recommendationThemes],
        [this.requestsByTarget, keys.targets],
        [this.requestsByFamily, keys.families],
      ];
    }
    const keys = this.offerKeys[i]!;
    return [
      [this.offersByTheme, keys.themes],
      [this.offersByTarget, keys.targets],
      [this.offersByFamily, keys.families],
    ];
  }

  /** A request or an offer no longer open: its list goes, and every list that held it is searched again. */
  private remove(side: Side, id: string) {
    const forRequest = side === "request";
    const other: Side = forRequest ? "offer" : "request";
    const at = forRequest ? this.requestAt : this.offerAt;
    const i = at.get(id);
    if (i === undefined) return;
    const others = forRequest ? this.offers : this.requests;
    const holders: number[] = [];
    for (let c = 0; c < others.length; c++) if (others[c] && this.topOf(other, c).others.includes(i)) holders.push(c);
    const cls = forRequest
      ? this.requestRecords.values[i * this.requestRecords.stride + R.profile]!
      : this.offerRecords.values[i * this.offerRecords.stride + O.rule]!;
    for (const [postings, keys] of this.listingsOf(side, i)) postings.remove(keys, i, cls);
    at.delete(id);
    if (forRequest) {
      this.requests[i] = null;
      this.requestKeys[i] = null;
    } else {
      this.offers[i] = null;
      this.offerKeys[i] = null;
    }
    this.topOf(side, i).clear();
    (forRequest ? this.changedRequests : this.changedOffers).add(id);
    for (const c of holders) {
      this.topOf(other, c).clear();
      (forRequest ? this.changedOffers : this.changedRequests).add(others[c]!.id);
      this.search(other, c, false);
    }
  }

  removeRequest(id: string) {
    this.remove("request", id);
  }

  removeOffer(id: string) {
    this.remove("offer", id);
  }

  request(id: string): MarketRequest | null {
    const r = this.requestAt.get(id);
    return r === undefined ? null : this.requests[r]!;
  }

  offer(id: string): MarketOffer | null {
    const o = this.offerAt.get(id);
    return o === undefined ? null : this.offers[o]!;
  }

  /** The best offers for a request (empty for a request the engine does not hold). */
  offersFor(requestId: string): Suggestion[] {
    const r = this.requestAt.get(requestId);
    if (r === undefined) return [];
    const top = this.requestTops[r]!;
    return top.others.map((o, i) => ({ id: this.offerId(o), score: top.scores[i]! }));
  }

  requestsFor(offerId: string): Suggestion[] {
    const o = this.offerAt.get(offerId);
    if (o === undefined) return [];
    const top = this.offerTops[o]!;
    return top.others.map((r, i) => ({ id: this.requestId(r), score: top.scores[i]! }));
  }

  requestIds(): string[] {
    return [...this.requestAt.keys()];
  }

  offerIds(): string[] {
    return [...this.offerAt.keys()];
  }

  /** The requests and offers whose lists changed since the last call (a removed one has an empty list). */
  takeChanges(): { requests: string[]; offers: string[] } {
    const changes = { requests: [...this.changedRequests], offers: [...this.changedOffers] };
    this.changedRequests.clear();
    this.changedOffers.clear();
    return changes;
  }
}

/**
 * The same lists by scoring every pair: the baseline the engine is tested and benchmarked
 * against. Quadratic; never used to serve anyone.
 */
export function bruteForceSuggestions(
  requests: readonly MarketRequest[],
  offers: readonly MarketOffer[],
  context: ScoringContext,
): { requests: Map<string, Suggestion[]>; offers: Map<string, Suggestion[]> } {
  const requestTops = requests.map(() => new TopList());
  const offerTops = offers.map(() => new TopList());
  const scratch = new Float64Array(CONTRIBUTION_SLOTS);
  const requestId = (i: number) => requests[i]!.id;
  const offerId = (i: number) => offers[i]!.id;
  for (let r = 0; r < requests.length; r++)
    for (let o = 0; o < offers.length; o++) {
      if (ineligibility(requests[r]!, offers[o]!) !== null) continue;
      const total = contributions(requests[r]!, offers[o]!, context, scratch);
      if (scratch[ANY_SUBJECT] !== 1) continue;
      requestTops[r]!.insert(total, o, offerId);
      offerTops[o]!.insert(providerTotal(scratch), r, requestId);
    }
  const list = (top: TopList, idOf: (i: number) => string) =>
    top.others.map((x, i) => ({ id: idOf(x), score: top.scores[i]! }));
  return {
    requests: new Map(requests.map((r, i) => [r.id, list(requestTops[i]!, offerId)])),
    offers: new Map(offers.map((o, i) => [o.id, list(offerTops[i]!, requestId)])),
  };
}
