import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { SuggestionEngine } from "../domain/engine";
import { marketOffer, marketRequest, offerTokens, requestTokens } from "../domain/market";
import { type Reason, roundReason, roundScore, type ScoringContext, score } from "../domain/score";
import { type TextStatistics, textStatistics, Vocabulary } from "../domain/text";
import { matchingState as ms, packReason, matchSuggestions as s } from "../schema";
import { loadOffers, loadRequests } from "./market";
import { currentWeights } from "./weights";

/**
 * The engine of this process, kept between runs: a run applies only what changed since the last.
 * It is trusted only while the database says no other process has refreshed since (the generation),
 * the weights are the same and the day has not turned (timing reads today); otherwise the run
 * rebuilds it from the whole market.
 */
interface Cached {
  engine: SuggestionEngine;
  generation: number;
  weightsVersion: number;
  today: string;
  context: ScoringContext;
  statistics: TextStatistics;
  vocabulary: Vocabulary;
  /** When each request and offer last changed, as applied: a re-read row that did not change is skipped. */
  seen: Map<string, number>;
}
const engines = new WeakMap<Db, Cached>();

// A change committed a little after a run read the database can carry an earlier time than the
// run's mark; each run looks this far back again (applying a row twice changes nothing).
const OVERLAP_MS = 2 * 60_000;

export interface RefreshReport {
  mode: "full" | "incremental";
  requests: number;
  offers: number;
  /** Lists written (a request's or an offer's top ten). */
  lists: number;
  rows: number;
  /** Where the time went, in milliseconds: reading the market, computing the lists, writing them. */
  timings: { load: number; compute: number; store: number };
}

/**
 * Brings the stored suggestions up to date: the top offers of every open request and the top
 * requests of every open offer. One transaction; the state row serialises runs across processes.
 */
export async function refreshSuggestions(deps: { db: Db }, options: { now?: Date; full?: boolean } = {}) {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  let next: Cached | null = null;
  try {
    const report = await deps.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      const [state] = await db.select().from(ms).where(eq(ms.id, 1)).for("update");
      const weights = await currentWeights(db);
      const cached = engines.get(deps.db);
      const reusable =
        !options.full &&
        state !== undefined &&
        cached !== undefined &&
        cached.generation === state.generation &&
        cached.weightsVersion === weights.version &&
        cached.weightsVersion === state.weightsVersion &&
        cached.today === today;
      const context: ScoringContext = { weights: weights.weights, today };
      const generation = (state?.generation ?? 0) + 1;
      if (reusable) {
        const since = new Date(state.currentTo.getTime() - OVERLAP_MS);
        const result = await applyChanges(db, cached, since, weights.version);
        await db
          .update(ms)
          .set({ generation, currentTo: maxDate(state.currentTo, result.latest), computedAt: now })
          .where(eq(ms.id, 1));
        next = { ...cached, generation };
        return result.report;
      }
      engines.delete(deps.db);
      const built = await rebuild(db, context);
      const storing = performance.now();
      const rows = await writeAll(db, built.engine, context, weights.version);
      const timings = { ...built.timings, store: performance.now() - storing };
      const values = {
        generation,
        weightsVersion: weights.version,
        currentTo: built.latest ?? now,
        documentFrequencies: Object.fromEntries(built.statistics.documentFrequencies),
        documents: built.statistics.documents,
        computedAt: now,
      };
      await db
        .insert(ms)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: ms.id, set: values });
      next = { ...built, generation, weightsVersion: weights.version, today, context };
      return {
        mode: "full",
        requests: built.engine.requestIds().length,
        offers: built.engine.offerIds().length,
        lists: built.engine.requestIds().length + built.engine.offerIds().length,
        rows,
        timings,
      } satisfies RefreshReport;
    });
    if (next) engines.set(deps.db, next);
    return report;
  } catch (error) {
    // The cached engine may hold changes the failed transaction did not keep.
    engines.delete(deps.db);
    throw error;
  }
}

const maxDate = (a: Date, b: Date | null) => (b && b > a ? b : a);

async function rebuild(db: Db, context: ScoringContext) {
  const loading = performance.now();
  const requests = await loadRequests(db);
  const offers = await loadOffers(db, { openOnly: true });
  const computing = performance.now();
  // Each text is read into words once: for the market's statistics, then for its own vector.
  const requestWords = requests.map((r) => requestTokens(r.facts));
  const offerWords = offers.map((o) => offerTokens(o.facts));
  const statistics = textStatistics([...requestWords, ...offerWords]);
  const vocabulary = new Vocabulary();
  const engine = new SuggestionEngine(
    context,
    requests.map((r, i) => marketRequest(r.facts, statistics, vocabulary, requestWords[i])),
    offers.map((o, i) => marketOffer(o.facts, statistics, vocabulary, offerWords[i])),
  );
  engine.takeChanges();
  const timings = { load: computing - loading, compute: performance.now() - computing };
  const seen = new Map<string, number>();
  let latest: Date | null = null;
  for (const item of [...requests, ...offers]) {
    seen.set(item.facts.id, item.changedAt.getTime());
    latest = maxDate(latest ?? item.changedAt, item.changedAt);
  }
  return { engine, statistics, vocabulary, seen, latest, timings };
}

async function applyChanges(db: Db, cached: Cached, since: Date, weightsVersion: number) {
  const loading = performance.now();
  const requests = await loadRequests(db, { changedSince: since });
  const offers = await loadOffers(db, { changedSince: since });
  const computing = performance.now();
  const { engine, statistics, vocabulary, seen } = cached;
  let latest: Date | null = null;
  const fresh = (id: string, changedAt: Date) => {
    latest = maxDate(latest ?? changedAt, changedAt);
    if (seen.get(id) === changedAt.getTime()) return false;
    seen.set(id, changedAt.getTime());
    return true;
  };
  let requestsApplied = 0;
  let offersApplied = 0;
  for (const r of requests) {
    if (!fresh(r.facts.id, r.changedAt)) continue;
    requestsApplied++;
    if (r.matchable) engine.upsertRequest(marketRequest(r.facts, statistics, vocabulary));
    else engine.removeRequest(r.facts.id);
  }
  for (const o of offers) {
    if (!fresh(o.facts.id, o.changedAt)) continue;
    offersApplied++;
    if (o.facts.status === "open") engine.upsertOffer(marketOffer(o.facts, statistics, vocabulary));
    else engine.removeOffer(o.facts.id);
  }
  const changes = engine.takeChanges();
  const storing = performance.now();
  const rows = await writeLists(db, engine, cached.context, weightsVersion, changes);
  return {
    latest: latest as Date | null,
    report: {
      mode: "incremental",
      requests: requestsApplied,
      offers: offersApplied,
      lists: changes.requests.length + changes.offers.length,
      rows,
      timings: { load: computing - loading, compute: storing - computing, store: performance.now() - storing },
    } satisfies RefreshReport,
  };
}

type SuggestionRow = typeof s.$inferInsert;

// Made once: some 200,000 rows are packed on a full refresh.
const packRounded = (reason: Reason) => packReason(roundReason(reason));

/** The stored rows of lists, each pair with its reasons (scored again: the engine keeps only totals). */
function rowsOf(
  engine: SuggestionEngine,
  context: ScoringContext,
  weightsVersion: number,
  lists: { requests: readonly string[]; offers: readonly string[] },
): SuggestionRow[] {
  const rows: SuggestionRow[] = [];
  const push = (
    side: "request" | "offer",
    subjectId: string,
    candidateId: string,
    rank: number,
    requestId: string,
    offerId: string,
  ) => {
    // An offer's list is its provider's: scored as a provider may be told (see RESTRICTED_REASONS).
    const result = score(
      engine.request(requestId)!,
      engine.offer(offerId)!,
      context,
      side === "offer" ? "provider" : "state",
    );
    if (!result.eligible) return;
    rows.push({
      side,
      subjectId,
      candidateId,
      rank,
      score: roundScore(result.total),
      reasons: result.reasons.map(packRounded),
      weightsVersion,
    });
  };
  for (const requestId of lists.requests)
    for (const [i, o] of engine.offersFor(requestId).entries())
      push("request", requestId, o.id, i + 1, requestId, o.id);
  for (const offerId of lists.offers)
    for (const [i, r] of engine.requestsFor(offerId).entries()) push("offer", offerId, r.id, i + 1, r.id, offerId);
  return rows;
}

// One statement per slice of rows, as a JSON document the database unpacks: thousands of rows
// without thousands of bind parameters, the same on PGlite and PostgreSQL. Each row is an array,
// not an object: a full refresh writes some 200,000 rows, and the keys would be a third of it.
const SLICE = 10_000;
async function insertRows(db: Db, rows: readonly SuggestionRow[]) {
  for (let i = 0; i < rows.length; i += SLICE) {
    const json = JSON.stringify(
      rows
        .slice(i, i + SLICE)
        .map((r) => [r.side, r.subjectId, r.candidateId, r.rank, r.score, r.reasons, r.weightsVersion]),
    );
    await db.execute(sql`insert into ${s} (side, subject_id, candidate_id, rank, score, reasons, weights_version)
      select x->>0, (x->>1)::uuid, (x->>2)::uuid, (x->>3)::smallint, (x->>4)::real, x->5, (x->>6)::integer
      from jsonb_array_elements(${json}::jsonb) as x`);
  }
  return rows.length;
}

async function writeAll(db: Db, engine: SuggestionEngine, context: ScoringContext, weightsVersion: number) {
  await db.delete(s);
  return insertRows(
    db,
    rowsOf(engine, context, weightsVersion, { requests: engine.requestIds(), offers: engine.offerIds() }),
  );
}

async function writeLists(
  db: Db,
  engine: SuggestionEngine,
  context: ScoringContext,
  weightsVersion: number,
  changes: { requests: string[]; offers: string[] },
) {
  if (changes.requests.length > 0)
    await db.delete(s).where(and(eq(s.side, "request"), inArray(s.subjectId, changes.requests)));
  if (changes.offers.length > 0)
    await db.delete(s).where(and(eq(s.side, "offer"), inArray(s.subjectId, changes.offers)));
  return insertRows(db, rowsOf(engine, context, weightsVersion, changes));
}
