import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { listCountries, statesOfGroup } from "../../reference-data";
import { FacetIndex } from "../domain/facet-index";
import { irregularForms, type RecommendationQuery } from "../domain/query";
import { recommendations as r, recommendationIndexVersion } from "../schema";

/**
 * The search expression, in PostgreSQL's web search syntax, or null for no words. Each word
 * with an irregular plural is rewritten into all its forms ("woman" finds "women" too).
 */
export function tsqueryOf(query: RecommendationQuery): SQL | null {
  if (!query.q) return null;
  return irregularForms(query.q).reduce<SQL>(
    (tsquery, { word, forms }) =>
      sql`ts_rewrite(${tsquery}, plainto_tsquery('english', ${word}), to_tsquery('english', ${forms.join(" | ")}))`,
    sql`websearch_to_tsquery('english', ${query.q})`,
  );
}

/** The filters of a query as one WHERE clause: shared by the search, its facets and the exports. */
export function whereOf(query: RecommendationQuery): SQL | undefined {
  const tsquery = tsqueryOf(query);
  const conditions: SQL[] = [];
  if (tsquery) conditions.push(sql`${r.search} @@ ${tsquery}`);
  if (query.stateUnderReview) conditions.push(eq(r.stateUnderReview, query.stateUnderReview));
  if (query.recommendingState)
    conditions.push(sql`${r.recommendingStates} @> array[${query.recommendingState}]::text[]`);
  if (query.mechanism) conditions.push(eq(r.mechanism, query.mechanism));
  if (query.cycle) conditions.push(eq(r.cycle, query.cycle));
  if (query.response) conditions.push(eq(r.response, query.response));
  if (query.kind) conditions.push(eq(r.kind, query.kind));
  if (query.theme) conditions.push(sql`${r.themes} @> array[${query.theme}]::text[]`);
  if (query.affectedPerson) conditions.push(sql`${r.affectedPersons} @> array[${query.affectedPerson}]::text[]`);
  // Imports store each SDG target with its goal, so a goal matches every target under it.
  if (query.sdg) conditions.push(sql`${r.sdgs} @> array[${query.sdg}]::text[]`);
  if (query.session) conditions.push(eq(r.session, query.session));
  if (query.year) conditions.push(eq(r.year, query.year));
  if (query.actionCategory) conditions.push(eq(r.actionCategory, query.actionCategory));
  if (query.stateUnderReviewGroup)
    conditions.push(sql`${r.stateUnderReview} = any(${statesOfGroup(query.stateUnderReviewGroup)})`);
  if (query.recommendingGroup)
    conditions.push(sql`${r.recommendingStates} && ${statesOfGroup(query.recommendingGroup)}`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** One facet index per database, rebuilt when the data moved (its version counter, migration 0006). */
const indexes = new WeakMap<Db, { version: number; index: Promise<FacetIndex> }>();

async function facetIndexOf(actor: Actor, db: Db): Promise<FacetIndex> {
  const [current] = await db.select({ version: recommendationIndexVersion.version }).from(recommendationIndexVersion);
  const version = Number(current?.version ?? 0);
  const held = indexes.get(db);
  if (held && held.version === version) return held.index;
  const index = buildFacetIndex(actor, db);
  indexes.set(db, { version, index });
  index.catch(() => indexes.delete(db));
  return index;
}

/** Reads every recommendation's facet values, in date order, into a new index. */
export async function buildFacetIndex(actor: Actor, db: Db): Promise<FacetIndex> {
  const [rows, countries] = await Promise.all([
    db
      .select({
        seq: r.seq,
        kind: r.kind,
        mechanism: r.mechanism,
        stateUnderReview: r.stateUnderReview,
        recommendingStates: r.recommendingStates,
        cycle: r.cycle,
        session: r.session,
        year: r.year,
        response: r.response,
        actionCategory: r.actionCategory,
        themes: r.themes,
        sdgs: r.sdgs,
        affectedPersons: r.affectedPersons,
      })
      .from(r)
      // The date order of a search, so that the index numbers its rows in that order.
      .orderBy(desc(r.year), desc(r.session), r.key),
    listCountries({ actor, filter: {}, locale: "en" }, { db }),
  ]);
  return new FacetIndex(rows, new Map(countries.flatMap((c) => (c.regionalGroup ? [[c.iso3, c.regionalGroup]] : []))));
}

/** What a search answers about each recommendation on its page; shared with the SQL-only reference. */
export function itemColumns(tsquery: SQL | null) {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    mechanism: r.mechanism,
    cycle: r.cycle,
    session: r.session,
    year: r.year,
    stateUnderReview: r.stateUnderReview,
    recommendingStates: r.recommendingStates,
    text: r.text,
    // Matched words between \u0001 and \u0002: the page turns them into <mark> without parsing HTML.
    highlighted: tsquery
      ? sql<string>`ts_headline('english', ${r.text}, ${tsquery}, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true')`
      : sql<string>`${r.text}`,
    language: r.language,
    response: r.response,
    actionCategory: r.actionCategory,
    themes: r.themes,
  };
}

/**
 * Full-text search with PostgreSQL's web search syntax (phrases in quotes, OR, `-` to exclude),
 * English stemming, filters, and live counts of every facet over the matching set. The database
 * matches the words; the facet index filters, counts and orders (decision 013). Recommendations
 * are public UN documents, so every actor sees the same results.
 */
export async function searchRecommendations(
  { actor, query }: { actor: Actor; query: RecommendationQuery },
  deps: { db: Db },
) {
  const tsquery = tsqueryOf(query);
  const byRelevance = tsquery !== null && query.sort === "relevance";
  const [index, matches] = await Promise.all([
    facetIndexOf(actor, deps.db),
    tsquery
      ? deps.db
          .select({
            seqs: sql<number[]>`coalesce(json_agg(${r.seq}), '[]')`,
            ranks: byRelevance
              ? sql<number[]>`coalesce(json_agg(ts_rank(${r.search}, ${tsquery})), '[]')`
              : sql<null>`null`,
          })
          .from(r)
          // The filters too: a selective one lets the database read 400 rows instead of 60,000.
          // The index applies them again to every facet, so the answer is the same either way.
          .where(whereOf(query))
          .then(([row]) => row ?? { seqs: [], ranks: null })
      : null,
  ]);
  const found = index.search(query, matches);
  const rows =
    found.page.length === 0
      ? []
      : await deps.db
          .select({ seq: r.seq, ...itemColumns(tsquery) })
          .from(r)
          .where(inArray(r.seq, found.page));
  const bySeq = new Map(rows.map(({ seq, ...item }) => [seq, item]));
  return {
    total: found.total,
    items: found.page.map((seq) => bySeq.get(seq)!).filter(Boolean),
    facets: found.facets,
  };
}
