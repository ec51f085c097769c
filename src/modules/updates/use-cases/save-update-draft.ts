import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { listClusters, recommendationSummaries } from "../../recommendations";
import { knownCodes } from "../../reference-data";
import { canEditUpdate, type UpdateWriter, updateWriters, writerFor } from "../domain/policy";
import {
  isSameContent,
  isUuid,
  type Problems,
  parseUpdateForm,
  transition,
  type UpdateContent,
  type UpdateForm,
} from "../domain/update";
import { nationalUpdates as u } from "../schema";
import {
  contentOf,
  findVisibleUpdate,
  statusOf,
  UPDATE_CONTENT_FIELDS,
  UpdateForbiddenError,
  type UpdateRow,
} from "./shared";

export type SaveUpdateResult =
  | { outcome: "saved" | "unchanged"; updateId: string }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-editable"; updateId: string }
  | { outcome: "not-found" };

/** The links must point at the State's own: recommendations it received, clusters its focal points made. */
async function linkProblems(actor: Actor, writer: UpdateWriter, value: UpdateContent, db: Db): Promise<Problems> {
  const problems: Problems = {};
  if (value.recommendationIds.length > 0) {
    const found = await recommendationSummaries({ actor, ids: value.recommendationIds }, { db });
    const received = new Set(found.filter((r) => r.stateUnderReview === writer.stateIso3).map((r) => r.id));
    if (value.recommendationIds.some((id) => !received.has(id)))
      problems.recommendationIds = { key: "updates.error.recommendationIds" };
  }
  if (value.clusterIds.length > 0) {
    const clusters = await listClusters({ actor, stateIso3: writer.stateIso3 }, { db });
    const own = new Set(clusters.filter((c) => c.organisationId === writer.organisationId).map((c) => c.id));
    if (value.clusterIds.some((id) => !own.has(id))) problems.clusterIds = { key: "updates.error.clusterIds" };
  }
  return problems;
}

/**
 * Creates a draft (no `updateId`) or saves the working copy of one. Saving never publishes: a
 * published update's readers see its last version until `publishUpdate` makes a new one.
 */
export async function saveUpdateDraft(
  input: { actor: Actor; updateId?: string; stateIso3?: string; form: UpdateForm; request?: AuditContext },
  deps: { db: Db },
): Promise<SaveUpdateResult> {
  const { actor } = input;
  let current: UpdateRow | null = null;
  let writer: UpdateWriter | null;
  if (input.updateId !== undefined) {
    if (!isUuid(input.updateId)) return { outcome: "not-found" };
    const found = await findVisibleUpdate(actor, input.updateId, deps.db);
    if (!found) return { outcome: "not-found" };
    current = found.update;
    if (!canEditUpdate(actor, current)) throw new UpdateForbiddenError();
    writer = { organisationId: current.organisationId, stateIso3: current.stateIso3 };
  } else {
    if (updateWriters(actor).length === 0) throw new UpdateForbiddenError();
    writer = writerFor(actor, input.stateIso3);
    if (!writer) return { outcome: "invalid", problems: { state: { key: "updates.error.state" } } };
  }
  if (current && !transition(statusOf(current), "edit", { changedSinceLastVersion: true }).ok)
    return { outcome: "not-editable", updateId: current.id };

  const { value, problems } = parseUpdateForm(input.form, await knownCodes({ actor }, deps));
  if (!value) return { outcome: "invalid", problems };
  const wrongLinks = await linkProblems(actor, writer, value, deps.db);
  if (Object.keys(wrongLinks).length > 0) return { outcome: "invalid", problems: wrongLinks };

  const by = actor.kind === "user" ? actor.userId : null;
  const owner = writer;
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    let before: UpdateContent | null = null;
    if (current) {
      const [locked] = await db.select().from(u).where(eq(u.id, current.id)).for("update");
      if (!locked) return { outcome: "not-found" } as const;
      if (!transition(statusOf(locked), "edit", { changedSinceLastVersion: true }).ok)
        return { outcome: "not-editable", updateId: locked.id } as const;
      before = contentOf(locked);
      if (isSameContent(before, value)) return { outcome: "unchanged", updateId: locked.id } as const;
    }
    const [row] = current
      ? await db
          .update(u)
          .set({ ...value, updatedAt: sql`now()` })
          .where(eq(u.id, current.id))
          .returning({ id: u.id })
      : await db
          .insert(u)
          .values({ ...value, organisationId: owner.organisationId, stateIso3: owner.stateIso3, createdBy: by })
          .returning({ id: u.id });
    await recordAudit(
      db,
      actor,
      {
        action: current ? "national-update.update" : "national-update.create",
        subjectType: "national-update",
        subjectId: row!.id,
        before: before ? { ...before } : null,
        after: current ? { ...value } : { ...value, status: "draft", stateIso3: owner.stateIso3 },
        confidential: UPDATE_CONTENT_FIELDS,
        organisationId: owner.organisationId,
      },
      input.request,
    );
    return { outcome: "saved", updateId: row!.id } as const;
  });
}

/** The form that saves an update's working copy as it is: the starting point of a small change. */
export function formOf(content: UpdateContent): UpdateForm {
  return { ...content };
}

/**
 * Links or unlinks recommendations on the working copy, keeping everything else as it is: what
 * the edit page's picker posts, one button at a time.
 */
export async function changeRecommendationLinks(
  input: {
    actor: Actor;
    updateId: string;
    add?: readonly string[];
    remove?: readonly string[];
    request?: AuditContext;
  },
  deps: { db: Db },
): Promise<SaveUpdateResult> {
  if (!isUuid(input.updateId)) return { outcome: "not-found" };
  const found = await findVisibleUpdate(input.actor, input.updateId, deps.db);
  if (!found) return { outcome: "not-found" };
  const content = contentOf(found.update);
  const removed = new Set(input.remove ?? []);
  const recommendationIds = [
    ...new Set([...content.recommendationIds, ...(input.add ?? [])].filter((id) => !removed.has(id))),
  ];
  return saveUpdateDraft(
    {
      actor: input.actor,
      updateId: input.updateId,
      form: { ...formOf(content), recommendationIds },
      request: input.request,
    },
    deps,
  );
}
