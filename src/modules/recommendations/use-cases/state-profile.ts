import { and, asc, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { getCountry, regionalGroupOf } from "../../reference-data";
import { RESPONSES } from "../domain/recommendation";
import { recommendations as r } from "../schema";

const TOP_THEMES = 15;

export interface Count<T extends string | number = string> {
  value: T;
  count: number;
}

/**
 * What the index holds about the recommendations one State received: totals, and counts by UPR
 * cycle, response, theme (the most frequent) and regional group of the recommending States.
 * Voluntary pledges are the State's own, so they are counted apart and left out of the rest.
 * Null for a code that names no State. Public, like the recommendations themselves.
 */
export async function stateProfile({ actor, iso3 }: { actor: Actor; iso3: string }, deps: { db: Db }) {
  const country = await getCountry({ actor, iso3 }, deps);
  if (!country) return null;
  const received = and(eq(r.stateUnderReview, country.iso3), eq(r.kind, "recommendation"));
  const countBy = <T>(value: SQL<T>, ...conditions: SQL[]) =>
    deps.db
      .select({ value, count: sql<number>`count(*)::int` })
      .from(r)
      .where(and(received, ...conditions))
      .groupBy(value);

  const [[totals], cycles, responses, themes, groups] = await Promise.all([
    deps.db
      .select({
        recommendations: sql<number>`count(*) filter (where ${r.kind} = 'recommendation')::int`,
        pledges: sql<number>`count(*) filter (where ${r.kind} = 'voluntary-pledge')::int`,
      })
      .from(r)
      .where(eq(r.stateUnderReview, country.iso3)),
    countBy(sql<number>`${r.cycle}`.mapWith(Number), eq(r.mechanism, "upr"), isNotNull(r.cycle)).orderBy(asc(sql`1`)),
    countBy(sql<string>`${r.response}`, isNotNull(r.response)),
    deps.db
      .select({ value: sql<string>`theme`, count: sql<number>`count(*)::int` })
      .from(sql`${r}, unnest(${r.themes}) as theme`)
      .where(received)
      .groupBy(sql`theme`)
      .orderBy(desc(sql`2`), asc(sql`1`))
      .limit(TOP_THEMES),
    recommendingGroups(deps.db, received),
  ]);
  const order = (v: string) => RESPONSES.indexOf(v as (typeof RESPONSES)[number]);
  return {
    country,
    totals: { recommendations: Number(totals?.recommendations ?? 0), pledges: Number(totals?.pledges ?? 0) },
    byCycle: cycles.map(toCount),
    byResponse: responses.map(toCount).sort((a, b) => order(a.value) - order(b.value)),
    byTheme: themes.map(toCount),
    byRecommendingGroup: groups,
  };
}

const toCount = <T extends string | number>(row: { value: T; count: number }): Count<T> => ({
  value: row.value,
  count: Number(row.count),
});

/**
 * Recommendations counted once per regional group of the States that made them: a joint
 * recommendation by States of two groups counts in both, two States of one group count once.
 */
async function recommendingGroups(db: Db, received: SQL | undefined): Promise<Count[]> {
  const group = regionalGroupOf(sql`recommender`);
  const rows = await db
    .select({ value: sql<string>`${group}`, count: sql<number>`count(distinct ${r.id})::int` })
    .from(sql`${r} cross join lateral unnest(${r.recommendingStates}) as recommender`)
    .where(and(received, sql`${group} is not null`))
    .groupBy(sql`1`)
    .orderBy(desc(sql`2`), asc(sql`1`));
  return rows.map(toCount);
}
