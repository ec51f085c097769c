import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { can } from "../domain/policy";
import { recommendations, classificationSuggestions as suggestions } from "../schema";
import type { Scheme } from "./suggest-classifications";

export interface SuggestionFilter {
  scheme: Scheme | null;
  code: string | null;
}

/**
 * The pending suggestions, most confident first, for the secretariat to review; with how many
 * are pending per code, to filter by. Null when the actor may not classify.
 */
export async function listSuggestions(
  input: { actor: Actor; filter: SuggestionFilter; limit: number; offset: number },
  deps: { db: Db },
) {
  if (!can(input.actor, "recommendations.classify")) return null;
  const { scheme, code } = input.filter;
  const conditions: SQL[] = [eq(suggestions.status, "suggested")];
  if (scheme) conditions.push(eq(suggestions.scheme, scheme));
  const codes = await deps.db
    .select({ scheme: suggestions.scheme, code: suggestions.code, count: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(and(...conditions))
    .groupBy(suggestions.scheme, suggestions.code)
    .orderBy(suggestions.scheme, suggestions.code);
  if (code) conditions.push(eq(suggestions.code, code));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    deps.db
      .select({
        recommendationId: suggestions.recommendationId,
        scheme: suggestions.scheme,
        code: suggestions.code,
        score: suggestions.score,
        key: recommendations.key,
        text: recommendations.text,
        language: recommendations.language,
        stateUnderReview: recommendations.stateUnderReview,
      })
      .from(suggestions)
      .innerJoin(recommendations, eq(recommendations.id, suggestions.recommendationId))
      .where(where)
      .orderBy(desc(suggestions.score), recommendations.key, suggestions.scheme, suggestions.code)
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(suggestions).where(where),
  ]);
  return {
    items: items.map((i) => ({ ...i, scheme: i.scheme as Scheme })),
    total: Number(total?.n ?? 0),
    codes: codes.map((c) => ({ scheme: c.scheme as Scheme, code: c.code, count: Number(c.count) })),
  };
}
