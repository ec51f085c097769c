import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { canEditUpdate } from "../domain/policy";
import { isUuid, type Problems, parseWithdrawalReason, transition } from "../domain/update";
import { nationalUpdates as u, nationalUpdateVersions as v } from "../schema";
import { findVisibleUpdate, statusOf, UpdateForbiddenError } from "./shared";

export type WithdrawUpdateResult =
  | { outcome: "withdrawn" }
  | { outcome: "not-published" }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

/**
 * Takes a published update back: from then on only its own State sees it, until it republishes.
 * Its versions are kept. The reason (optional) is kept in the audit trail; it is recorded as
 * confidential when the update was the State's alone, so the trail tells its readers no more
 * than the update's tier did.
 */
export async function withdrawUpdate(
  input: { actor: Actor; updateId: string; reason?: string; request?: AuditContext },
  deps: { db: Db },
): Promise<WithdrawUpdateResult> {
  const { actor } = input;
  if (!isUuid(input.updateId)) return { outcome: "not-found" };
  const found = await findVisibleUpdate(actor, input.updateId, deps.db);
  if (!found) return { outcome: "not-found" };
  if (!canEditUpdate(actor, found.update)) throw new UpdateForbiddenError();
  const { value: reason, problems } = parseWithdrawalReason(input.reason);
  if (reason === null) return { outcome: "invalid", problems };

  return deps.db.transaction(async (tx): Promise<WithdrawUpdateResult> => {
    const db = tx as unknown as Db;
    const [row] = await db.select().from(u).where(eq(u.id, input.updateId)).for("update");
    if (!row) return { outcome: "not-found" };
    const step = transition(statusOf(row), "withdraw", { changedSinceLastVersion: false });
    if (!step.ok) return { outcome: "not-published" };
    const [last] = await db
      .select({ visibility: v.visibility })
      .from(v)
      .where(and(eq(v.updateId, row.id), eq(v.version, row.publishedVersion)));
    await db
      .update(u)
      .set({ status: step.status, withdrawnAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(u.id, row.id));
    await recordAudit(
      db,
      actor,
      {
        action: "national-update.withdraw",
        subjectType: "national-update",
        subjectId: row.id,
        before: { status: row.status },
        after: { status: step.status, reason: reason || null },
        confidential: last?.visibility === "private" ? ["reason"] : [],
        organisationId: row.organisationId,
      },
      input.request,
    );
    return { outcome: "withdrawn" };
  });
}
