import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { regionalGroupOf, statesOfGroup } from "../../reference-data";
import { irregularForms, type RecommendationQuery } from "../domain/query";
import { recommendations as r } from "../schema";

export interface FacetCount {
  value: string;
  count: number;
}

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

/**
 * Full-text search with PostgreSQL's web search syntax (phrases in quotes, OR, `-` to exclude),
 * English stemming, filters, and live facet counts over the matching set. Recommendations are
 * public UN documents, so every actor sees the same results.
 */
export async function searchRecommendations({ query }: { actor: Actor; query: RecommendationQuery }, deps: { db: Db }) {
  const tsquery = tsqueryOf(query);
  const where = whereOf(query);
  const order =
    tsquery && query.sort === "relevance"
      ? [desc(sql`ts_rank(${r.search}, ${tsquery})`), desc(r.year), r.key]
      : [desc(r.year), desc(r.session), r.key];

  const facet = async (column: SQL, order: "count" | "value-desc" = "count") => {
    const rows = await deps.db
      .select({ value: sql<string>`${column}::text`, count: sql<number>`count(*)::int` })
      .from(r)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(...(order === "count" ? [desc(sql`2`), sql`1`] : [desc(sql`1`)]))
      .limit(50);
    return rows.filter((f) => f.value !== null).map((f) => ({ value: f.value, count: Number(f.count) }));
  };
  const [items, [total], ...facets] = await Promise.all([
    deps.db
      .select({
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
      })
      .from(r)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(r).where(where),
    facet(sql`${r.stateUnderReview}`),
    facet(sql`unnest(${r.recommendingStates})`),
    facet(sql`${r.mechanism}`),
    facet(sql`${r.cycle}`),
    facet(sql`${r.response}`),
    facet(sql`unnest(${r.themes})`),
    facet(sql`${r.kind}`),
    facet(regionalGroupOf(r.stateUnderReview)),
    // A recommendation counts once per group however many of its co-sponsors belong to it.
    facet(sql`unnest(array(select distinct ${regionalGroupOf(sql`s`)} from unnest(${r.recommendingStates}) s))`),
    facet(sql`${r.session}`, "value-desc"),
    facet(sql`${r.year}`, "value-desc"),
    facet(sql`${r.actionCategory}`),
    facet(sql`unnest(array(select g from unnest(${r.sdgs}) g where g !~ '[.]'))`),
    facet(sql`unnest(${r.affectedPersons})`),
  ]);
  const [
    stateUnderReview,
    recommendingState,
    mechanism,
    cycle,
    response,
    theme,
    kind,
    stateUnderReviewGroup,
    recommendingGroup,
    session,
    year,
    actionCategory,
    sdg,
    affectedPerson,
  ] = facets;
  return {
    total: Number(total?.n ?? 0),
    items,
    facets: {
      state_under_review: stateUnderReview!,
      recommending_state: recommendingState!,
      mechanism: mechanism!,
      cycle: cycle!,
      response: response!,
      theme: theme!,
      kind: kind!,
      state_under_review_group: stateUnderReviewGroup!,
      recommending_group: recommendingGroup!,
      session: session!,
      year: year!,
      action_category: actionCategory!,
      sdg: sdg!,
      affected_person: affectedPerson!,
    },
  };
}
