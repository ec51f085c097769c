import { and, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { CANDIDATE_BUDGET, planSimilarity, type SimilarityPlan, tsqueryOperand } from "../domain/similarity";
import { recommendations as r } from "../schema";

const SIMILAR_PER_LIST = 5;

/** What a list of recommendations shows of each: enough to tell them apart and link to them. */
const SUMMARY = {
  key: r.key,
  kind: r.kind,
  text: r.text,
  language: r.language,
  stateUnderReview: r.stateUnderReview,
  recommendingStates: r.recommendingStates,
  cycle: r.cycle,
  session: r.session,
  year: r.year,
  response: r.response,
};

export type RecommendationSummary = {
  key: string;
  kind: string;
  text: string;
  language: string;
  stateUnderReview: string;
  recommendingStates: string[];
  cycle: number | null;
  session: number | null;
  year: number | null;
  response: string | null;
};

/**
 * One recommendation by its stable key, with the texts most like it, to the same State and to
 * others (identical texts left out: a joint recommendation is stored once per recommending State,
 * and generic texts such as "Ratify OP-CAT" recur word for word). Recommendations are public UN
 * documents: every actor reads the same. Null when no recommendation has that key.
 */
export async function getRecommendation({ key }: { actor: Actor; key: string }, deps: { db: Db }) {
  if (key.length > 200) return null;
  const [found] = await deps.db
    .select({
      id: r.id,
      ...SUMMARY,
      mechanism: r.mechanism,
      body: r.body,
      documentSymbol: r.documentSymbol,
      paragraph: r.paragraph,
      actionCategory: r.actionCategory,
      themes: r.themes,
      affectedPersons: r.affectedPersons,
      sdgs: r.sdgs,
      lexemes: sql<string[]>`tsvector_to_array(${r.search})`,
    })
    .from(r)
    .where(eq(r.key, key))
    .limit(1);
  if (!found) return null;
  const { lexemes, ...recommendation } = found;
  const { id } = found;
  const frequencies = await documentFrequencies(deps.db);
  const plan = planSimilarity(lexemes, (l) => frequencies.documents.get(l), frequencies.total);
  const base = { id, text: found.text, stateUnderReview: found.stateUnderReview };
  const [sameState, otherStates] =
    plan.scoring.length === 0
      ? [[], []]
      : await Promise.all([similar(deps.db, base, plan, "same"), similar(deps.db, base, plan, "other")]);
  return { recommendation, similar: { sameState, otherStates } };
}

async function similar(
  db: Db,
  base: { id: string; text: string; stateUnderReview: string },
  plan: SimilarityPlan,
  scope: "same" | "other",
): Promise<RecommendationSummary[]> {
  // Within one State every text sharing a scoring word is a candidate (a State has hundreds, not
  // thousands); across States only those the plan fetches, at most CANDIDATE_BUDGET of them.
  const fetch =
    scope === "same" ? plan.scoring.map((s) => tsqueryOperand(s.lexeme)).join(" | ") : (plan.candidates ?? "");
  const fetched = db
    .select({ ...SUMMARY, search: r.search })
    .from(r)
    .where(
      and(
        sql`${r.search} @@ ${fetch}::tsquery`,
        ne(r.id, base.id),
        ne(r.text, base.text),
        scope === "same"
          ? eq(r.stateUnderReview, base.stateUnderReview)
          : ne(r.stateUnderReview, base.stateUnderReview),
      ),
    )
    .$dynamic();
  const candidates = (scope === "same" ? fetched : fetched.limit(CANDIDATE_BUDGET)).as("candidates");
  // Shared words weighed by rarity, over the square root of the candidate's own number of words,
  // so that a short text saying the same thing outranks a long one that mentions it in passing.
  const shared: SQL = sql.join(
    plan.scoring.map(
      (s) =>
        sql`case when ${candidates.search} @@ ${tsqueryOperand(s.lexeme)}::tsquery then ${s.weight}::float8 else 0 end`,
    ),
    sql` + `,
  );
  const rank = sql<number>`(${shared}) / sqrt(greatest(length(${candidates.search}), 1))`.as("rank");
  const c = candidates;
  const distinct = db
    .selectDistinctOn([c.text], {
      key: c.key,
      kind: c.kind,
      text: c.text,
      language: c.language,
      stateUnderReview: c.stateUnderReview,
      recommendingStates: c.recommendingStates,
      cycle: c.cycle,
      session: c.session,
      year: c.year,
      response: c.response,
      rank,
    })
    .from(candidates)
    .orderBy(candidates.text, desc(rank), candidates.key)
    .as("distinct_texts");
  const rows = await db.select().from(distinct).orderBy(desc(distinct.rank), distinct.key).limit(SIMILAR_PER_LIST);
  return rows.map(({ rank: _rank, ...summary }) => summary);
}

interface Frequencies {
  total: number;
  documents: Map<string, number>;
}

/**
 * How many texts hold each word. Counting them takes one pass over the whole index (a few hundred
 * milliseconds for 60,000 texts), so it is read once per database and process and refreshed after
 * FRESH_FOR_MS; meanwhile the older figures serve, which only shades the weights: a word met
 * since counts as rare (domain/similarity.ts).
 */
const FRESH_FOR_MS = 15 * 60_000;
const frequencyCache = new WeakMap<Db, { readAt: number; value: Promise<Frequencies> }>();

function documentFrequencies(db: Db): Promise<Frequencies> {
  const cached = frequencyCache.get(db);
  if (cached && Date.now() - cached.readAt < FRESH_FOR_MS) return cached.value;
  const reading = readFrequencies(db);
  if (!cached) {
    const entry = { readAt: Date.now(), value: reading };
    frequencyCache.set(db, entry);
    reading.catch(() => {
      if (frequencyCache.get(db) === entry) frequencyCache.delete(db);
    });
    return reading;
  }
  cached.readAt = Date.now();
  reading.then(
    (value) => frequencyCache.set(db, { readAt: Date.now(), value: Promise.resolve(value) }),
    () => {},
  );
  return cached.value;
}

async function readFrequencies(db: Db): Promise<Frequencies> {
  const [words, [count]] = await Promise.all([
    db
      .select({ word: sql<string>`word`, documents: sql<number>`ndoc` })
      .from(sql`ts_stat('select search from recommendations')`),
    db.select({ n: sql<number>`count(*)::int` }).from(r),
  ]);
  return {
    total: Number(count?.n ?? 0),
    documents: new Map(words.map((w) => [w.word, Number(w.documents)])),
  };
}

/**
 * Short forms of the recommendations other records cite (a request, an update), by key or by id,
 * in one query. Public like every recommendation; unknown keys or ids are simply absent.
 */
export async function recommendationSummaries(
  { keys = [], ids = [] }: { actor: Actor; keys?: readonly string[]; ids?: readonly string[] },
  deps: { db: Db },
): Promise<(RecommendationSummary & { id: string })[]> {
  const wanted: SQL[] = [];
  if (keys.length > 0) wanted.push(inArray(r.key, [...keys]));
  if (ids.length > 0) wanted.push(inArray(r.id, [...ids]));
  if (wanted.length === 0) return [];
  return deps.db
    .select({ id: r.id, ...SUMMARY })
    .from(r)
    .where(or(...wanted))
    .orderBy(r.seq);
}
