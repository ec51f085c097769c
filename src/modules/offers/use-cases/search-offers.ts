import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { AGE_BUCKETS, NO_LIMIT, OFFER_FACETS, type OfferFacet, type OfferQuery } from "../domain/query";
import { offers as o } from "../schema";
import { presentOffer, providerTypeSql, selectOffers, visibleOffer } from "../store";

export interface FacetValue {
  value: string;
  count: number;
}

const textArray = (value: string) => sql`array[${value}]::text[]`;
const AGE_DAYS = { "30d": 30, "90d": 90 } as const;
const publishedWithin = (days: number) => sql`${o.createdAt} >= now() - ${days}::int * interval '1 day'`;

function ageCondition(age: string): SQL {
  return age === "older" ? sql`not (${publishedWithin(90)})` : publishedWithin(AGE_DAYS[age as "30d" | "90d"]);
}

/** A limit an offer names, or `any` when it sets none of that kind. */
const limitsOf = (column: typeof o.eligibleGroups | typeof o.eligibleStatuses) =>
  sql`(case when cardinality(${column}) = 0 then array[${NO_LIMIT}]::text[] else ${column} end)`;

/** The goals of an offer's SDG targets (`5.2` → `5`), each once. */
const goalsOf = sql`array(select distinct split_part(t, '.', 1) from unnest(${o.sdgTargets}) t)`;

function conditions(actor: Actor, query: OfferQuery): SQL[] {
  // The safe-space rule first: nothing below may count or show what the actor may not see.
  const where: SQL[] = [visibleOffer(actor)];
  if (query.q) where.push(sql`${o.search} @@ websearch_to_tsquery('english', ${query.q})`);
  if (query.theme) where.push(sql`${o.themes} @> ${textArray(query.theme)}`);
  if (query.sdg)
    where.push(
      query.sdg.includes(".")
        ? sql`${o.sdgTargets} @> ${textArray(query.sdg)}`
        : sql`${goalsOf} @> ${textArray(query.sdg)}`,
    );
  if (query.kind) where.push(sql`${o.supportKinds} @> ${textArray(query.kind)}`);
  if (query.group) where.push(sql`${limitsOf(o.eligibleGroups)} @> ${textArray(query.group)}`);
  if (query.status) where.push(sql`${limitsOf(o.eligibleStatuses)} @> ${textArray(query.status)}`);
  if (query.providerType) where.push(sql`${providerTypeSql} = ${query.providerType}`);
  if (query.language) where.push(sql`${o.workingLanguages} @> ${textArray(query.language)}`);
  if (query.offerStatus) where.push(eq(o.status, query.offerStatus));
  if (query.age) where.push(ageCondition(query.age));
  return where;
}

/**
 * Offers matching the query among those the actor may see, newest first, with each facet counted
 * in SQL over that same visible, matching set, so no count betrays an offer the actor cannot see.
 */
export async function searchOffers({ actor, query }: { actor: Actor; query: OfferQuery }, deps: { db: Db }) {
  const where = and(...conditions(actor, query));
  const facet = async (expression: SQL): Promise<FacetValue[]> => {
    const rows = await deps.db
      .select({ value: sql<string>`${expression}::text`, count: sql<number>`count(*)::int` })
      .from(o)
      .where(where)
      // By position: the expression may carry bound values, which would not compare equal if repeated.
      .groupBy(sql`1`)
      .orderBy(desc(sql`count(*)`), sql`1`);
    return rows.filter((r) => r.value !== null).map((r) => ({ value: r.value, count: Number(r.count) }));
  };
  const ages = async (): Promise<FacetValue[]> => {
    const [row] = await deps.db
      .select({
        "30d": sql<number>`count(*) filter (where ${publishedWithin(30)})::int`,
        "90d": sql<number>`count(*) filter (where ${publishedWithin(90)})::int`,
        older: sql<number>`count(*) filter (where not (${publishedWithin(90)}))::int`,
      })
      .from(o)
      .where(where);
    return AGE_BUCKETS.map((bucket) => ({ value: bucket, count: Number(row?.[bucket] ?? 0) })).filter(
      (f) => f.count > 0,
    );
  };
  const facetQueries: Record<OfferFacet, () => Promise<FacetValue[]>> = {
    theme: () => facet(sql`unnest(${o.themes})`),
    sdg: () => facet(sql`unnest(${goalsOf})`),
    kind: () => facet(sql`unnest(${o.supportKinds})`),
    group: () => facet(sql`unnest(${limitsOf(o.eligibleGroups)})`),
    status: () => facet(sql`unnest(${limitsOf(o.eligibleStatuses)})`),
    providerType: () => facet(providerTypeSql),
    language: () => facet(sql`unnest(${o.workingLanguages})`),
    offerStatus: () => facet(sql`${o.status}`),
    age: ages,
  };
  const [rows, [count], counted] = await Promise.all([
    selectOffers(deps.db).where(where).orderBy(desc(o.createdAt), desc(o.seq)).limit(query.limit).offset(query.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(o).where(where),
    Promise.all(OFFER_FACETS.map((f) => facetQueries[f]())),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map(presentOffer),
    facets: Object.fromEntries(OFFER_FACETS.map((f, i) => [f, counted[i]!])) as Record<OfferFacet, FacetValue[]>,
  };
}
