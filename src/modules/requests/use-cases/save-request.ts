import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { listClusters, recommendationSummaries } from "../../recommendations";
import { knownCodes } from "../../reference-data";
import { partyOf, requestWriters } from "../domain/policy";
import { LIMITS, type Problems, parseRequestForm, type RequestForm } from "../domain/request";
import { isEditable, type RequestState } from "../domain/workflow";
import { supportRequests as r, requestEvents } from "../schema";
import { linksOf, replaceLinks } from "../store";

/** Refused: only a focal point of the State that owns a request drafts or edits it. */
export class RequestForbiddenError extends Error {
  readonly code = "REQUEST.FORBIDDEN";
}

/** What the audit trail keeps of a request's content: that it changed, never what it says. */
export const REQUEST_CONTENT_FIELDS = [
  "title",
  "summary",
  "language",
  "themes",
  "sdgTargets",
  "supportKinds",
  "providerTypes",
  "workingLanguages",
  "desiredStart",
  "durationMonths",
  "budgetMinor",
  "budgetCurrency",
  "counterparts",
  "recommendationIds",
  "clusterIds",
];

export type SaveRequestResult =
  | { outcome: "saved"; id: string }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" }
  | { outcome: "not-editable" };

/** The request, locked, when the actor owns it; refusals are errors the page turns into 403/404. */
async function ownedForUpdate(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(r).where(eq(r.id, id)).for("update");
  if (!row) return null;
  if (partyOf(actor, { ownerOrganisationId: row.organisationId }) !== "owner") {
    // Someone who may not even see it learns nothing from the refusal.
    throw new RequestForbiddenError();
  }
  return row;
}

/**
 * Creates a draft for the actor's State, or saves the edits to one still in the State's hands
 * (a draft, or a request screening returned). Clusters are the State's own; one transaction.
 */
export async function saveRequestDraft(
  input: {
    actor: Actor;
    id?: string;
    form: RequestForm;
    clusterIds?: readonly string[];
    /** Which of the actor's State organisations drafts it, when it speaks for several. */
    organisationId?: string;
    request?: AuditContext;
  },
  deps: { db: Db },
): Promise<SaveRequestResult> {
  const { actor } = input;
  const writers = requestWriters(actor);
  if (writers.length === 0) throw new RequestForbiddenError();
  const { value, problems } = parseRequestForm(input.form, await knownCodes({ actor }, deps));
  const clusterIds = [...new Set(input.clusterIds ?? [])];
  if (clusterIds.length > LIMITS.clusters)
    problems.clusterIds = { key: "requests.error.clusterCount", values: { max: LIMITS.clusters } };
  if (!value || problems.clusterIds) return { outcome: "invalid", problems };
  const userId = actor.kind === "user" ? actor.userId : null;

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    let current = null;
    if (input.id) {
      current = await ownedForUpdate(db, actor, input.id);
      if (!current) return { outcome: "not-found" } as const;
      if (!isEditable(current.state as RequestState)) return { outcome: "not-editable" } as const;
    }
    const writer = current
      ? { organisationId: current.organisationId, stateIso3: current.stateIso3 }
      : (writers.find((w) => w.organisationId === input.organisationId) ?? writers[0]!);
    if (input.clusterIds) {
      const own = await listClusters({ actor, stateIso3: writer.stateIso3 }, { db });
      const ownIds = new Set(own.filter((c) => c.organisationId === writer.organisationId).map((c) => c.id));
      if (clusterIds.some((id) => !ownIds.has(id)))
        return { outcome: "invalid", problems: { clusterIds: { key: "requests.error.clusterIds" } } } as const;
    }
    const before = current ? { ...current, ...(await linksOf(db, current.id)) } : null;
    const [row] = current
      ? await db
          .update(r)
          .set({ ...value, updatedAt: sql`now()` })
          .where(eq(r.id, current.id))
          .returning()
      : await db
          .insert(r)
          .values({ ...value, organisationId: writer.organisationId, stateIso3: writer.stateIso3, createdBy: userId })
          .returning();
    if (input.clusterIds) await replaceLinks(db, row!.id, { clusterIds });
    if (!current)
      await db.insert(requestEvents).values({ requestId: row!.id, action: "create", toState: "draft", userId });
    await recordAudit(
      db,
      actor,
      {
        action: current ? "request.update" : "request.create",
        subjectType: "support-request",
        subjectId: row!.id,
        before: before ? pick(before) : null,
        after: pick({ ...row!, ...(await linksOf(db, row!.id)) }),
        confidential: REQUEST_CONTENT_FIELDS,
        organisationId: writer.organisationId,
      },
      input.request,
    );
    return { outcome: "saved", id: row!.id } as const;
  });
}

function pick(row: Record<string, unknown>) {
  const kept: Record<string, unknown> = { visibility: row.visibility, anonymousCounting: row.anonymousCounting };
  for (const field of REQUEST_CONTENT_FIELDS) kept[field] = row[field];
  return kept;
}

export type LinkResult =
  | { outcome: "saved"; linked: number }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" }
  | { outcome: "not-editable" };

/**
 * Adds recommendations (by key, as the picker sends them) to a request and removes others. Only
 * recommendations the State itself received may be linked: a request is country-led.
 */
export async function changeRequestRecommendations(
  input: { actor: Actor; id: string; add?: readonly string[]; remove?: readonly string[]; request?: AuditContext },
  deps: { db: Db },
): Promise<LinkResult> {
  const { actor } = input;
  const add = [...new Set((input.add ?? []).map((k) => k.trim()).filter(Boolean))];
  return deps.db.transaction(async (tx): Promise<LinkResult> => {
    const db = tx as unknown as Db;
    const current = await ownedForUpdate(db, actor, input.id);
    if (!current) return { outcome: "not-found" };
    if (!isEditable(current.state as RequestState)) return { outcome: "not-editable" };
    const found = await recommendationSummaries({ actor, keys: add }, { db });
    const byKey = new Map(found.map((f) => [f.key, f]));
    const missing = add.find((k) => !byKey.has(k));
    if (missing !== undefined)
      return {
        outcome: "invalid",
        problems: {
          recommendations: { key: "requests.error.recommendationUnknown", values: { key: missing.slice(0, 120) } },
        },
      };
    const foreign = found.find((f) => f.stateUnderReview !== current.stateIso3);
    if (foreign)
      return {
        outcome: "invalid",
        problems: { recommendations: { key: "requests.error.recommendationForeign", values: { key: foreign.key } } },
      };
    const links = await linksOf(db, current.id);
    const removed = new Set(input.remove ?? []);
    const next = [...new Set([...links.recommendationIds.filter((id) => !removed.has(id)), ...found.map((f) => f.id)])];
    if (next.length > LIMITS.recommendations)
      return {
        outcome: "invalid",
        problems: {
          recommendations: { key: "requests.error.recommendationCount", values: { max: LIMITS.recommendations } },
        },
      };
    await replaceLinks(db, current.id, { recommendationIds: next });
    await db.update(r).set({ updatedAt: sql`now()` }).where(eq(r.id, current.id));
    await recordAudit(
      db,
      actor,
      {
        action: "request.link",
        subjectType: "support-request",
        subjectId: current.id,
        before: { recommendationIds: links.recommendationIds },
        after: { recommendationIds: next },
        confidential: ["recommendationIds"],
        organisationId: current.organisationId,
      },
      input.request,
    );
    return { outcome: "saved", linked: next.length };
  });
}
