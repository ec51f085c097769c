import { desc, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { regionalGroupOf } from "../../reference-data";
import { FACET_LIMIT } from "../domain/facet-index";
import type { RecommendationQuery } from "../domain/query";
import { recommendations as r } from "../schema";
import { itemColumns, tsqueryOf, whereOf } from "./search-recommendations";

/**
 * The same search asked of the database alone: a GROUP BY per facet. Too slow for pages at scale
 * (decision 013), it is the reference the facet index is tested against, and the benchmark's baseline.
 */
export async function searchRecommendationsInSql(
  { query }: { actor: Actor; query: RecommendationQuery },
  deps: { db: Db },
) {
  const tsquery = tsqueryOf(query);
  const where = whereOf(query);
  const order =
    tsquery && query.sort === "relevance"
      ? [desc(sql`ts_rank(${r.search}, ${tsquery})`), desc(r.year), desc(r.session), r.key]
      : [desc(r.year), desc(r.session), r.key];

  const facet = async (column: SQL, order: "count" | "value-desc" = "count") => {
    const rows = await deps.db
      .select({ value: sql<string>`${column}::text`, count: sql<number>`count(*)::int` })
      .from(r)
      .where(where)
      .groupBy(column)
      .orderBy(...(order === "count" ? [desc(sql`count(*)`), sql`1`] : [desc(column)]))
      .limit(FACET_LIMIT);
    return rows.filter((f) => f.value !== null).map((f) => ({ value: f.value, count: Number(f.count) }));
  };
  const [items, [total], ...facets] = await Promise.all([
    deps.db
      .select(itemColumns(tsquery))
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
