import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { canEditUpdate } from "../domain/policy";
import { isSameContent, isUuid, type Problems, publishProblems, transition } from "../domain/update";
import { nationalUpdates as u, nationalUpdateVersions as v } from "../schema";
import { contentOf, findVisibleUpdate, statusOf, UpdateForbiddenError } from "./shared";

export type PublishUpdateResult =
  | { outcome: "published"; version: number; newVersion: boolean }
  | { outcome: "unchanged"; version: number }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * Publishes the working copy: a draft's first version, a published update's edits as the next
 * version, or a withdrawn update again. Each version is kept whole with the tier it was
 * published under, so what was once shown to whom stays on record.
 */
export async function publishUpdate(
  input: { actor: Actor; updateId: string; request?: AuditContext },
  deps: { db: Db },
): Promise<PublishUpdateResult> {
  const { actor } = input;
  if (!isUuid(input.updateId)) return { outcome: "not-found" };
  const found = await findVisibleUpdate(actor, input.updateId, deps.db);
  if (!found) return { outcome: "not-found" };
  if (!canEditUpdate(actor, found.update)) throw new UpdateForbiddenError();
  const by = actor.kind === "user" ? actor.userId : null;

  return deps.db.transaction(async (tx): Promise<PublishUpdateResult> => {
    const db = tx as unknown as Db;
    const [row] = await db.select().from(u).where(eq(u.id, input.updateId)).for("update");
    if (!row) return { outcome: "not-found" };
    const content = contentOf(row);
    const [last] =
      row.publishedVersion > 0
        ? await db
            .select()
            .from(v)
            .where(and(eq(v.updateId, row.id), eq(v.version, row.publishedVersion)))
        : [];
    const step = transition(statusOf(row), "publish", {
      changedSinceLastVersion: !last || !isSameContent(contentOf(last), content),
    });
    if (!step.ok) return { outcome: "unchanged", version: row.publishedVersion };
    const problems = publishProblems(content);
    if (Object.keys(problems).length > 0) return { outcome: "invalid", problems };

    const version = step.newVersion ? row.publishedVersion + 1 : row.publishedVersion;
    if (step.newVersion) await db.insert(v).values({ updateId: row.id, version, ...content, publishedBy: by });
    await db
      .update(u)
      .set({
        status: step.status,
        publishedVersion: version,
        withdrawnAt: null,
        updatedAt: sql`now()`,
        ...(step.newVersion ? { publishedAt: sql`now()` } : {}),
      })
      .where(eq(u.id, row.id));
    await recordAudit(
      db,
      actor,
      {
        action: "national-update.publish",
        subjectType: "national-update",
        subjectId: row.id,
        before: { status: row.status, version: row.publishedVersion },
        after: { status: step.status, version, visibility: content.visibility },
        organisationId: row.organisationId,
      },
      input.request,
    );
    return { outcome: "published", version, newVersion: step.newVersion };
  });
}
