import { and, asc, gt, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { RecommendationQuery } from "../domain/query";
import { recommendations as r } from "../schema";
import { whereOf } from "./search-recommendations";

export const EXPORT_COLUMNS = [
  "key",
  "kind",
  "mechanism",
  "cycle",
  "session",
  "year",
  "state_under_review",
  "recommending_states",
  "text",
  "language",
  "response",
  "action_category",
  "themes",
] as const;

const BATCH = 2_000;

/**
 * Every row a search matches, in key order, a batch at a time (keyset paging), so an export of
 * the whole index never holds it in memory. Recommendations are public: any actor may export.
 */
export async function* exportRecommendations(
  { query }: { actor: Actor; query: RecommendationQuery },
  deps: { db: Db },
): AsyncGenerator<(string | number | null)[]> {
  const where = whereOf(query);
  let after = "";
  for (;;) {
    const rows = await deps.db
      .select({
        key: r.key,
        kind: r.kind,
        mechanism: r.mechanism,
        cycle: r.cycle,
        session: r.session,
        year: r.year,
        stateUnderReview: r.stateUnderReview,
        recommendingStates: sql<string>`array_to_string(${r.recommendingStates}, ';')`,
        text: r.text,
        language: r.language,
        response: r.response,
        actionCategory: r.actionCategory,
        themes: sql<string>`array_to_string(${r.themes}, ';')`,
      })
      .from(r)
      .where(where ? and(where, gt(r.key, after)) : gt(r.key, after))
      .orderBy(asc(r.key))
      .limit(BATCH);
    for (const row of rows) yield Object.values(row) as (string | number | null)[];
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.key;
  }
}
