import {
  ANY_SUBJECT,
  boundWithoutExactSubject,
  CONTRIBUTION_SLOTS,
  contributions,
  EXACT_SUBJECT,
  ineligibility,
  type MarketOffer,
  type MarketRequest,
  type ScoringContext,
} from "./score";

/** How many suggestions each request and each offer gets. */
export const TOP = 10;

export interface Suggestion {
  /** The other side: an offer's id in a request's list, a request's id in an offer's list. */
  id: string;
  score: number;
}

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

  /** Whether the list may miss pairs that share no exact subject: it is short or its last score is within reach. */
  reaches(bound: number): boolean {
    return this.scores.length < TOP || this.scores[this.scores.length - 1]! <= bound;
  }

  insert(score: number, other: number, idOf: (i: number) => string): boolean {
    if (!this.admits(score)) return false;
    let at = this.scores.length;
    const id = idOf(other);
    while (at > 0) {
      const s = this.scores[at - 1]!;
      if (s > score || (s === score && idOf(this.others[at - 1]!) < id)) break;
      at--;
    }
    if (at >= TOP) return false;
    this.scores.splice(at, 0, score);
    this.others.splice(at, 0, other);
    if (this.scores.length > TOP) {
      this.scores.pop();
      this.others.pop();
    }
    return true;
  }

  clear() {
    this.scores.length = 0;
    this.others.length = 0;
  }
}

function exactKeysOfRequest(r: MarketRequest): string[] {
  return [
    ...new Set([...r.themes.map((t) => `t:${t}`), ...r.recommendationThemes.map((t) => `t:${t}`)]),
    ...r.sdgTargets.map((s) => `s:${s}`),
  ];
}
const exactKeysOfOffer = (o: MarketOffer) => [...o.themes.map((t) => `t:${t}`), ...o.sdgTargets.map((s) => `s:${s}`)];

function addPosting(index: Map<string, number[]>, keys: readonly string[], item: number) {
  for (const key of keys) {
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  }
}
function removePosting(index: Map<string, number[]>, keys: readonly string[], item: number) {
  for (const key of keys) {
    const list = index.get(key);
    if (!list) continue;
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
  }
}

/**
 * The best offers for every open request and the best requests for every open offer, found
 * without scoring every pair. Candidates come from inverted indexes: first the pairs that share a
 * theme (the request's own or its recommendations'), or an SDG target; a list looks further, to
 * pairs that share only a theme family, only while such a pair could still enter it (its tenth
 * score is within the most a pair without an exact subject can score). The lists are therefore
 * exactly those that scoring every pair would give (`bruteForceSuggestions`); tests hold the two
 * to that. A pair must share a subject (a theme, a theme family or an SDG target) to be suggested.
 *
 * Changes are applied one request or offer at a time; `takeChanges` says which lists moved.
 */
export class SuggestionEngine {
  private readonly requests: (MarketRequest | null)[] = [];
  private readonly offers: (MarketOffer | null)[] = [];
  private readonly requestAt = new Map<string, number>();
  private readonly offerAt = new Map<string, number>();
  private readonly offersByKey = new Map<string, number[]>();
  private readonly offersByFamily = new Map<string, number[]>();
  private readonly requestsByKey = new Map<string, number[]>();
  private readonly requestsByFamily = new Map<string, number[]>();
  private readonly requestTops: TopList[] = [];
  private readonly offerTops: TopList[] = [];
  private readonly seen: number[] = [];
  private stamp = 0;
  private readonly scratch = new Float64Array(CONTRIBUTION_SLOTS);
  private readonly bound: number;
  private readonly changedRequests = new Set<string>();
  private readonly changedOffers = new Set<string>();
  /** How many pairs were scored: what the benchmark and tests compare with all pairs. */
  scored = 0;

  private readonly requestId = (i: number) => this.requests[i]!.id;
  private readonly offerId = (i: number) => this.offers[i]!.id;

  constructor(
    private readonly context: ScoringContext,
    requests: readonly MarketRequest[] = [],
    offers: readonly MarketOffer[] = [],
  ) {
    this.bound = boundWithoutExactSubject(context.weights);
    for (const offer of offers) this.place("offer", offer);
    for (const request of requests) this.place("request", request);
    this.computeAll();
  }

  private place(side: "request", item: MarketRequest): number;
  private place(side: "offer", item: MarketOffer): number;
  private place(side: "request" | "offer", item: MarketRequest | MarketOffer): number {
    if (side === "request") {
      const r = item as MarketRequest;
      const i = this.requests.push(r) - 1;
      this.requestTops.push(new TopList());
      this.requestAt.set(r.id, i);
      addPosting(this.requestsByKey, exactKeysOfRequest(r), i);
      addPosting(this.requestsByFamily, r.families, i);
      return i;
    }
    const o = item as MarketOffer;
    const i = this.offers.push(o) - 1;
    this.offerTops.push(new TopList());
    this.offerAt.set(o.id, i);
    addPosting(this.offersByKey, exactKeysOfOffer(o), i);
    addPosting(this.offersByFamily, o.families, i);
    return i;
  }

  /**
   * Scores one pair and offers it to the lists named. `onlyFamily`: skip a pair that shares an exact
   * subject (it was scored with the exact candidates already).
   */
  private evaluate(r: number, o: number, toRequest: boolean, toOffer: boolean, onlyFamily = false) {
    const request = this.requests[r]!;
    const offer = this.offers[o]!;
    if (ineligibility(request, offer) !== null) return;
    this.scored++;
    const total = contributions(request, offer, this.context, this.scratch);
    if (this.scratch[ANY_SUBJECT] !== 1) return;
    if (onlyFamily && this.scratch[EXACT_SUBJECT] === 1) return;
    if (toRequest && this.requestTops[r]!.insert(total, o, this.offerId)) this.changedRequests.add(request.id);
    if (toOffer && this.offerTops[o]!.insert(total, r, this.requestId)) this.changedOffers.add(offer.id);
  }

  /** Visits each offer of the named postings once (per call). */
  private eachOffer(index: Map<string, number[]>, keys: readonly string[], visit: (o: number) => void) {
    for (const key of keys)
      for (const o of index.get(key) ?? []) {
        if (this.seen[o] === this.stamp) continue;
        this.seen[o] = this.stamp;
        visit(o);
      }
  }

  private eachRequest(index: Map<string, number[]>, keys: readonly string[], visit: (r: number) => void) {
    for (const key of keys)
      for (const r of index.get(key) ?? []) {
        if (this.seen[r] === this.stamp) continue;
        this.seen[r] = this.stamp;
        visit(r);
      }
  }

  private computeAll() {
    const widened = new Uint8Array(this.requests.length);
    for (let r = 0; r < this.requests.length; r++) {
      const request = this.requests[r];
      if (!request) continue;
      this.stamp++;
      this.eachOffer(this.offersByKey, exactKeysOfRequest(request), (o) => this.evaluate(r, o, true, true));
      if (this.requestTops[r]!.reaches(this.bound)) {
        widened[r] = 1;
        this.eachOffer(this.offersByFamily, request.families, (o) => this.evaluate(r, o, true, true));
      }
    }
    // An offer whose list is still within reach looks at the family-only pairs no request widened to.
    for (let o = 0; o < this.offers.length; o++) {
      const offer = this.offers[o];
      if (!offer || !this.offerTops[o]!.reaches(this.bound)) continue;
      this.stamp++;
      this.eachRequest(this.requestsByFamily, offer.families, (r) => {
        if (!widened[r]) this.evaluate(r, o, false, true, true);
      });
    }
  }

  /** A request's own list, from scratch, feeding only that list. */
  private recomputeRequest(r: number) {
    const request = this.requests[r]!;
    this.requestTops[r]!.clear();
    this.changedRequests.add(request.id);
    this.stamp++;
    this.eachOffer(this.offersByKey, exactKeysOfRequest(request), (o) => this.evaluate(r, o, true, false));
    if (this.requestTops[r]!.reaches(this.bound))
      this.eachOffer(this.offersByFamily, request.families, (o) => this.evaluate(r, o, true, false));
  }

  private recomputeOffer(o: number) {
    const offer = this.offers[o]!;
    this.offerTops[o]!.clear();
    this.changedOffers.add(offer.id);
    this.stamp++;
    this.eachRequest(this.requestsByKey, exactKeysOfOffer(offer), (r) => this.evaluate(r, o, false, true));
    if (this.offerTops[o]!.reaches(this.bound))
      this.eachRequest(this.requestsByFamily, offer.families, (r) => this.evaluate(r, o, false, true));
  }

  /** A new or changed request: its old self leaves every list, its new self is scored against the market. */
  upsertRequest(request: MarketRequest) {
    this.removeRequest(request.id);
    const r = this.place("request", request);
    this.changedRequests.add(request.id);
    this.stamp++;
    this.eachOffer(this.offersByKey, exactKeysOfRequest(request), (o) => this.evaluate(r, o, true, true));
    const widen = this.requestTops[r]!.reaches(this.bound);
    this.stamp++;
    this.eachOffer(this.offersByFamily, request.families, (o) => {
      if (widen) this.evaluate(r, o, true, true, true);
      else if (this.offerTops[o]!.reaches(this.bound)) this.evaluate(r, o, false, true, true);
    });
  }

  upsertOffer(offer: MarketOffer) {
    this.removeOffer(offer.id);
    const o = this.place("offer", offer);
    this.changedOffers.add(offer.id);
    this.stamp++;
    this.eachRequest(this.requestsByKey, exactKeysOfOffer(offer), (r) => this.evaluate(r, o, true, true));
    const widen = this.offerTops[o]!.reaches(this.bound);
    this.stamp++;
    this.eachRequest(this.requestsByFamily, offer.families, (r) => {
      if (widen) this.evaluate(r, o, true, true, true);
      else if (this.requestTops[r]!.reaches(this.bound)) this.evaluate(r, o, true, false, true);
    });
  }

  /** A request no longer open: its list goes, and every offer list that held it is recomputed. */
  removeRequest(id: string) {
    const r = this.requestAt.get(id);
    if (r === undefined) return;
    const request = this.requests[r]!;
    const holders: number[] = [];
    this.stamp++;
    const collect = (o: number) => {
      if (this.offerTops[o]!.others.includes(r)) holders.push(o);
    };
    this.eachOffer(this.offersByKey, exactKeysOfRequest(request), collect);
    this.eachOffer(this.offersByFamily, request.families, collect);
    removePosting(this.requestsByKey, exactKeysOfRequest(request), r);
    removePosting(this.requestsByFamily, request.families, r);
    this.requestAt.delete(id);
    this.requests[r] = null;
    this.requestTops[r]!.clear();
    this.changedRequests.add(id);
    for (const o of holders) this.recomputeOffer(o);
  }

  removeOffer(id: string) {
    const o = this.offerAt.get(id);
    if (o === undefined) return;
    const offer = this.offers[o]!;
    const holders: number[] = [];
    this.stamp++;
    const collect = (r: number) => {
      if (this.requestTops[r]!.others.includes(o)) holders.push(r);
    };
    this.eachRequest(this.requestsByKey, exactKeysOfOffer(offer), collect);
    this.eachRequest(this.requestsByFamily, offer.families, collect);
    removePosting(this.offersByKey, exactKeysOfOffer(offer), o);
    removePosting(this.offersByFamily, offer.families, o);
    this.offerAt.delete(id);
    this.offers[o] = null;
    this.offerTops[o]!.clear();
    this.changedOffers.add(id);
    for (const r of holders) this.recomputeRequest(r);
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
      offerTops[o]!.insert(total, r, requestId);
    }
  const list = (top: TopList, idOf: (i: number) => string) =>
    top.others.map((x, i) => ({ id: idOf(x), score: top.scores[i]! }));
  return {
    requests: new Map(requests.map((r, i) => [r.id, list(requestTops[i]!, offerId)])),
    offers: new Map(offers.map((o, i) => [o.id, list(offerTops[i]!, requestId)])),
  };
}
