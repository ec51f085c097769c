import { inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { recommendations as r } from "../schema";

/**
 * The themes and SDG codes of recommendations, by id: what a request citing them is about, for
 * scoring. Recommendations are public records; no visibility applies.
 */
export async function recommendationSubjects(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { themes: string[]; sdgs: string[] }>> {
  const subjects = new Map<string, { themes: string[]; sdgs: string[] }>();
  const unique = [...new Set(ids)];
  // In slices, so a market of thousands of requests never builds one enormous statement.
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db
      .select({ id: r.id, themes: r.themes, sdgs: r.sdgs })
      .from(r)
      .where(inArray(r.id, unique.slice(i, i + 5000)));
    for (const row of rows) subjects.set(row.id, { themes: row.themes, sdgs: row.sdgs });
  }
  return subjects;
}
