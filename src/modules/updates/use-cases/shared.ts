import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { type VisibilityTier, visibleTo } from "../../../platform/visibility";
import type { UpdateContent, UpdateStatus } from "../domain/update";
import { nationalUpdates as u, nationalUpdateVersions as v } from "../schema";

/** Refused: only the focal points of the State organisation that owns an update write it. */
export class UpdateForbiddenError extends Error {
  readonly code = "UPDATE.FORBIDDEN";
}

/**
 * What the audit trail keeps of an update's content: that it changed, never what it says. The
 * secretariat reads the trail, and a State may keep its update to itself.
 */
export const UPDATE_CONTENT_FIELDS = [
  "title",
  "achievements",
  "challenges",
  "goodPractices",
  "lessons",
  "themes",
  "sdgTargets",
  "recommendationIds",
  "clusterIds",
];

export type UpdateRow = typeof u.$inferSelect;
export type VersionRow = typeof v.$inferSelect;

export function contentOf(row: UpdateRow | VersionRow): UpdateContent {
  return {
    title: row.title,
    achievements: row.achievements,
    challenges: row.challenges,
    goodPractices: row.goodPractices,
    lessons: row.lessons,
    language: row.language,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    recommendationIds: row.recommendationIds,
    clusterIds: row.clusterIds,
    visibility: row.visibility as VisibilityTier,
  };
}

/** The current published version of each update, joined beside it (absent while never published). */
export const currentVersion = and(eq(v.updateId, u.id), eq(v.version, u.publishedVersion));

/**
 * The shared visibility rule over updates, as SQL: an update is read under its current version's
 * tier while published, and as `private` otherwise (domain/update.ts `shownTier`, the same rule
 * in memory). Needs `currentVersion` joined.
 */
export function visibleUpdate(actor: Actor): SQL {
  return visibleTo(actor, {
    owner: u.organisationId,
    visibility: sql`(case when ${u.status} = 'published' then ${v.visibility} else 'private' end)`,
  });
}

/** One update with its current version, if the actor may read it; for writers, locked is up to them. */
export async function findVisibleUpdate(actor: Actor, id: string, db: Db) {
  const [found] = await db
    .select({ update: u, current: v })
    .from(u)
    .leftJoin(v, currentVersion)
    .where(and(eq(u.id, id), visibleUpdate(actor)));
  return found ? { update: found.update, current: found.current } : null;
}

export const statusOf = (row: UpdateRow) => row.status as UpdateStatus;
