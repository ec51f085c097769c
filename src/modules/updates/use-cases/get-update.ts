import { and, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { CitationSource } from "../../../platform/citations";
import type { Db } from "../../../platform/db/database";
import { canSee, type VisibilityTier } from "../../../platform/visibility";
import { listClusters, type RecommendationSummary, recommendationSummaries } from "../../recommendations";
import { canEditUpdate } from "../domain/policy";
import { isSameContent, isUuid, shownTier, type UpdateContent, type UpdateStatus } from "../domain/update";
import { nationalUpdates as u, nationalUpdateVersions as v } from "../schema";
import { contentOf, currentVersion, findVisibleUpdate, statusOf, type VersionRow, visibleUpdate } from "./shared";

export interface PublishedVersion extends UpdateContent {
  version: number;
  publishedAt: Date;
}

export interface LinkedCluster {
  id: string;
  name: string;
}

const versionOf = (row: VersionRow): PublishedVersion => ({
  ...contentOf(row),
  version: row.version,
  publishedAt: row.publishedAt,
});

/** The recommendations and clusters some contents link to, as far as the actor may see them. */
async function linksOf(actor: Actor, stateIso3: string, contents: UpdateContent[], db: Db) {
  const recommendationIds = [...new Set(contents.flatMap((c) => c.recommendationIds))];
  const clusterIds = new Set(contents.flatMap((c) => c.clusterIds));
  const [recommendations, clusters] = await Promise.all([
    recommendationSummaries({ actor, ids: recommendationIds }, { db }),
    clusterIds.size > 0 ? listClusters({ actor, stateIso3 }, { db }) : [],
  ]);
  return {
    recommendations: new Map<string, RecommendationSummary & { id: string }>(recommendations.map((r) => [r.id, r])),
    // A cluster is the State's tracking, shown by its own tier: one the reader may not see is left out.
    clusters: new Map<string, LinkedCluster>(
      clusters.filter((c) => clusterIds.has(c.id)).map((c) => [c.id, { id: c.id, name: c.name }]),
    ),
  };
}

/**
 * One update as the actor may read it; null when it may not (pages and the API answer 404, never
 * 403, so a private update is not hinted at). Anyone who may read it gets its current published
 * version and the earlier versions each one's own tier lets them see; its own State also gets the
 * working copy, and its focal points the right to edit.
 */
export async function getUpdate({ actor, id }: { actor: Actor; id: string }, deps: { db: Db }) {
  if (!isUuid(id)) return null;
  const found = await findVisibleUpdate(actor, id, deps.db);
  if (!found) return null;
  const { update } = found;
  const status = statusOf(update);
  const owner = { ownerOrganisationId: update.organisationId, grantedOrganisationIds: [] };
  // Belt and braces: the SQL rule let the row through; the same rule in memory must agree.
  if (
    !canSee(actor, { ...owner, visibility: shownTier(status, (found.current?.visibility as VisibilityTier) ?? null) })
  )
    return null;

  const rows = await deps.db.select().from(v).where(eq(v.updateId, update.id)).orderBy(desc(v.version));
  // Each version is judged by the tier it was published under: text once shared with the
  // secretariat only stays with the secretariat after a later version is made public.
  const versions = rows
    .filter((row) => canSee(actor, { ...owner, visibility: row.visibility as VisibilityTier }))
    .map(versionOf);
  const current = versions.find((version) => version.version === update.publishedVersion) ?? null;
  // The working copy is the State's own until published: the `private` tier of the shared rule.
  const workingCopy = canSee(actor, { ...owner, visibility: "private" }) ? contentOf(update) : null;
  const links = await linksOf(
    actor,
    update.stateIso3,
    [current, workingCopy].filter((c): c is UpdateContent => c !== null),
    deps.db,
  );
  return {
    update: {
      id: update.id,
      seq: update.seq,
      organisationId: update.organisationId,
      stateIso3: update.stateIso3,
      status,
      publishedVersion: update.publishedVersion,
      createdAt: update.createdAt,
      updatedAt: update.updatedAt,
      publishedAt: update.publishedAt,
      withdrawnAt: update.withdrawnAt,
    },
    canEdit: canEditUpdate(actor, update),
    current,
    workingCopy,
    /** Whether the working copy says something its current version does not (for its State). */
    hasUnpublishedChanges: workingCopy !== null && (current === null || !isSameContent(current, workingCopy)),
    versions: versions.map(({ version, publishedAt, visibility, title }) => ({
      version,
      publishedAt,
      visibility,
      title,
    })),
    recommendations: links.recommendations,
    clusters: links.clusters,
  };
}

/** One published version, if the actor may read the update and that version's tier lets them. */
export async function getUpdateVersion(
  { actor, id, version }: { actor: Actor; id: string; version: number },
  deps: { db: Db },
) {
  if (!Number.isInteger(version) || version < 1 || !isUuid(id)) return null;
  const found = await findVisibleUpdate(actor, id, deps.db);
  if (!found) return null;
  const [row] = await deps.db
    .select()
    .from(v)
    .where(and(eq(v.updateId, id), eq(v.version, version)));
  const { update } = found;
  if (
    !row ||
    !canSee(actor, {
      ownerOrganisationId: update.organisationId,
      visibility: row.visibility as VisibilityTier,
      grantedOrganisationIds: [],
    })
  )
    return null;
  const shown = versionOf(row);
  const links = await linksOf(actor, update.stateIso3, [shown], deps.db);
  return {
    update: {
      id: update.id,
      stateIso3: update.stateIso3,
      status: statusOf(update),
      publishedVersion: update.publishedVersion,
    },
    version: shown,
    isCurrent: update.publishedVersion === version && update.status === "published",
    recommendations: links.recommendations,
    clusters: links.clusters,
  };
}

/**
 * The updates that cite one recommendation, as far as the actor may see them: what their current
 * version says (a draft's working copy, for its own State). For the recommendation's page.
 */
export async function updatesCitingRecommendation(
  { actor, recommendationId }: { actor: Actor; recommendationId: string },
  deps: { db: Db },
) {
  if (!isUuid(recommendationId)) return [];
  const cited = sql`(case when ${u.status} = 'draft' then ${u.recommendationIds} else ${v.recommendationIds} end) @> array[${recommendationId}::uuid]`;
  const rows = await deps.db
    .select({
      id: u.id,
      stateIso3: u.stateIso3,
      status: u.status,
      draftTitle: u.title,
      draftLanguage: u.language,
      title: v.title,
      language: v.language,
      version: v.version,
      publishedAt: v.publishedAt,
      updatedAt: u.updatedAt,
    })
    .from(u)
    .leftJoin(v, currentVersion)
    .where(and(visibleUpdate(actor), cited))
    .orderBy(desc(sql`coalesce(${v.publishedAt}, ${u.updatedAt})`));
  return rows.map((row) => ({
    id: row.id,
    stateIso3: row.stateIso3,
    status: row.status as UpdateStatus,
    title: row.status === "draft" ? row.draftTitle : (row.title ?? row.draftTitle),
    language: row.status === "draft" ? row.draftLanguage : (row.language ?? row.draftLanguage),
    version: row.version,
    publishedAt: row.publishedAt,
  }));
}

/** The recommendation page's "cited by" entries from updates (platform/citations.ts). */
export const updateCitations: CitationSource = async (input, deps) =>
  (await updatesCitingRecommendation(input, deps)).map((u) => ({
    kind: "update",
    id: u.id,
    title: u.title,
    language: u.language,
    link: `/updates/${u.id}`,
  }));
