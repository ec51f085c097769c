import {
  ANY_SUBJECT,
  CONTRIBUTION_SLOTS,
  capacityContribution,
  contributions,
  ineligibility,
  type MarketOffer,
  type MarketRequest,
  providerTotal,
  RESTRICTED_REASONS,
  type ScoringContext,
} from "./score";
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

/** For each key, the requests (or offers) that have it. */
class Postings {
  private readonly lists: number[][] = [];
  of(key: number): readonly number[] {
    return this.lists[key] ?? NONE;
  }
  add(keys: readonly number[], item: number) {
    for (const key of keys) {
      const list = this.lists[key];
      if (list) list.push(item);
      else this.lists[key] = [item];
    }
  }
  remove(keys: readonly number[], item: number) {
    for (const key of keys) {
      const list = this.lists[key];
      const at = list ? list.indexOf(item) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }
}
const NONE: readonly number[] = [];

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
// its State's profile (regional group and statuses: all an offer that names no State looks at).
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
// whether it names States (1) or not (0).
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
  "namesStates",
] as const;
/** Where each measure sits in an offer's record. */
const O = offsets(OFFER_FIELDS);

/** State profiles an offer's eligibility cache holds: five groups times the status mixes, with room. */
const PROFILES = 64;
const UNKNOWN = 0;
const COVERS = 1;
const EXCLUDES = 2;

/**
 * For each offer that names no State, what it was found to do for each State profile (UNKNOWN,
 * COVERS, EXCLUDES): eligibility then rests on group and statuses alone, so one answer serves
 * every State of a profile. One flat array, PROFILES entries an offer, grown on demand.
 */
class EligibilityCache {
  private known = new Int8Array(0);
  at(o: number, profile: number): number {
    return this.known[o * PROFILES + profile] ?? UNKNOWN;
  }
  set(o: number, profile: number, answer: number) {
    const at = o * PROFILES + profile;
    if (at >= this.known.length) {
      const grown = new Int8Array(Math.max(at + PROFILES, this.known.length * 2));
      grown.set(this.known);
      this.known = grown;
    }
    this.known[at] = answer;
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
 * each it shares: those counts give that part of the score exactly. Bit sets give every other
 * reason exactly but text, taken at its full weight, so each candidate has a tight upper bound.
 * Then candidates are scored best bound first, and the search stops once ten scored pairs beat the
 * best bound left. Last, pairs that share only a theme family are looked at only while such a pair
 * could still enter the list.
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
  private readonly profileIds = new Dictionary();
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
  private readonly eligibility = new EligibilityCache();
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
      profile: this.profileIds.idsOf([`${request.state.regionalGroup}|${request.state.statuses.join(" ")}`])[0]!,
    });
    this.requestTops.push(new TopList());
    this.requestAt.set(request.id, r);
    for (const [postings, ids] of this.listingsOf("request", r)) postings.add(ids, r);
    this.scratch.fit(this.requests.length);
    return r;
  }

  private placeOffer(offer: MarketOffer): number {
    const o = this.offers.push(offer) - 1;
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
      namesStates: offer.eligibility.namedStates.length > 0 ? 1 : 0,
    });
    this.offerTops.push(new TopList());
    this.offerAt.set(offer.id, o);
    for (const [postings, ids] of this.listingsOf("offer", o)) postings.add(ids, o);
    this.scratch.fit(this.offers.length);
    return o;
  }

  /** Scores one pair and offers it to the lists named. */
  private evaluate(r: number, o: number, toRequest: boolean, toOffer: boolean) {
    const request = this.requests[r]!;
    const offer = this.offers[o]!;
    if (ineligibility(request, offer) !== null) return;
    this.scored++;
    const total = contributions(request, offer, this.context, this.slots);
    if (this.slots[ANY_SUBJECT] !== 1) return;
    if (toRequest && this.requestTops[r]!.insert(total, o, this.offerId) && this.tracking)
      this.changedRequests.add(request.id);
    // An offer's list is read by its provider: ranked by the score a provider may be told.
    if (toOffer && this.offerTops[o]!.insert(providerTotal(this.slots), r, this.requestId) && this.tracking)
      this.changedOffers.add(offer.id);
  }

  /** Walks postings, counting into `count` what each candidate shares; returns the candidates met so far. */
  private tally(postings: Postings, keys: readonly number[], count: Int32Array, met: number): number {
    const s = this.scratch;
    for (const key of keys)
      for (const c of postings.of(key)) {
        if (s.seen[c] !== s.stamp) {
          s.seen[c] = s.stamp;
          s.themes[c] = 0;
          s.recommendationThemes[c] = 0;
          s.targets[c] = 0;
          s.candidates[met++] = c;
        }
        count[c]!++;
      }
    return met;
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

  /** Whether the offer is known not to cover the request's State (see `EligibilityCache`). */
  private excluded(r: number, o: number): boolean {
    const profile = this.requestRecords.values[r * this.requestRecords.stride + R.profile]!;
    // Past the profiles a cache holds (more group and status mixes than there are), ask each time.
    if (this.offerRecords.values[o * this.offerRecords.stride + O.namesStates] === 1 || profile >= PROFILES)
      return false;
    const known = this.eligibility.at(o, profile);
    if (known !== UNKNOWN) return known === EXCLUDES;
    const no = ineligibility(this.requests[r]!, this.offers[o]!) === "not-eligible";
    this.eligibility.set(o, profile, no ? EXCLUDES : COVERS);
    return no;
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
    let met = this.tally(walks.themes[0], walks.themes[1], s.themes, 0);
    met = this.tally(walks.recommendationThemes[0], walks.recommendationThemes[1], s.recommendationThemes, met);
    met = this.tally(walks.targets[0], walks.targets[1], s.targets, met);
    this.boundAll(side, owner, met);
    this.orderByBound(met);
    for (let k = 0; k < met; k++) {
      const i = s.order[k]!;
      // Buckets come best first: once the most a bucket's candidates can score is out of reach, so is the rest.
      if (!top.within((BUCKETS - s.bucketOf[i]!) * this.bucketWidth)) break;
      this.consider(side, owner, s.candidates[i]!, s.bounds[i]!, feedOther);
    }
    const forRequest = side === "request";
    if (top.within(this.restMostOf(side, owner)))
      for (const family of walks.families[1])
        for (const c of walks.families[0].of(family)) {
          if (s.seen[c] === s.stamp) continue;
          s.seen[c] = s.stamp;
          const bound = this.restAtMost(side, forRequest ? owner : c, forRequest ? c : owner);
          this.consider(side, owner, c, bound, feedOther);
        }
    return met;
  }

  /**
   * Scores candidate `c` of `owner`'s list if it could enter it (it could score `bound` at most),
   * and with `feedOther` offers the pair to the candidate's list too. A method, not a closure made
   * for each search. A pair already in the list was scored from the other side.
   */
  private consider(side: Side, owner: number, c: number, bound: number, feedOther: boolean) {
    const forRequest = side === "request";
    const r = forRequest ? owner : c;
    const o = forRequest ? c : owner;
    const top = this.topOf(side, owner);
    if (top.within(bound) && !this.excluded(r, o) && !top.others.includes(c))
      this.evaluate(r, o, forRequest || feedOther, !forRequest || feedOther);
  }

  /**
   * A new request or offer, placed at `owner`: its own list is searched, then it is offered to every
   * list on the other side it may enter.
   */
  private admit(side: Side, owner: number) {
    const s = this.scratch;
    const forRequest = side === "request";
    const other: Side = forRequest ? "offer" : "request";
    const met = this.search(side, owner, false);
    const offer = (c: number, subject: number) => {
      const r = forRequest ? owner : c;
      const o = forRequest ? c : owner;
      if (this.topOf(other, c).within(subject + this.restAtMost(other, r, o)) && !this.excluded(r, o))
        this.evaluate(r, o, !forRequest, forRequest);
    };
    // The scratch space still holds the exact candidates and their subject parts.
    for (let i = 0; i < met; i++) offer(s.candidates[i]!, s.subjects[i]!);
    this.markOnly(met);
    const families = this.walksOf(side, owner).families;
    for (const family of families[1])
      for (const c of families[0].of(family)) {
        if (s.seen[c] === s.stamp) continue;
        s.seen[c] = s.stamp;
        offer(c, 0);
      }
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
    for (const [postings, keys] of this.listingsOf(side, i)) postings.remove(keys, i);
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
