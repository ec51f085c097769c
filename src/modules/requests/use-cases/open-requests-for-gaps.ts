import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { waitingDays } from "../domain/request";
import { supportRequests as r } from "../schema";
import { effectiveTierSql } from "../store";

/**
 * Which requests public figures may count (decision 014): public ones, and those whose State let
 * them be counted anonymously, never one that was not submitted.
 */
export const publiclyCountableSql: SQL<boolean> = sql<boolean>`(${isNotNull(r.submittedAt)} and (${effectiveTierSql} = 'public' or ${r.anonymousCounting}))`;

/**
 * The open requests the gap map counts: where they come from, what they are about, how long they
 * have waited, and whether public figures may count them. No title, no id, no visibility filter:
 * the map shows counts only, its public version only of the `publiclyCountable` ones, which
 * `publicOnly` keeps to in the query already.
 */
export async function openRequestsForGaps(db: Db, options: { publicOnly: boolean; now: Date }) {
  const rows = await db
    .select({
      stateIso3: r.stateIso3,
      state: r.state,
      themes: r.themes,
      sdgTargets: r.sdgTargets,
      openedAt: r.openedAt,
      matchedAt: r.matchedAt,
      publiclyCountable: publiclyCountableSql,
    })
    .from(r)
    .where(and(eq(r.state, "open"), options.publicOnly ? publiclyCountableSql : undefined));
  return rows.map((row) => ({
    stateIso3: row.stateIso3,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    waitingDays: waitingDays(row, options.now),
    publiclyCountable: Boolean(row.publiclyCountable),
  }));
}
