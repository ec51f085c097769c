import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { regionalGroupOf } from "../../reference-data";
import { can, committeeGroupOf } from "../domain/policy";
import { daysBetween } from "../domain/request";
import {
  type Criterion,
  FIRST_CRITERIA,
  type Problem,
  parseCriteria,
  parseScreening,
  type ScreeningForm,
} from "../domain/screening";
import { supportRequests as r, requestScreenings as s, screeningCriteria as sc } from "../schema";
import { selectVisibleRequest, visibleRequest } from "../store";
import { type ActResult, applyTransition } from "./transition";

/** Refused: screening is the secretariat's (decisions) and the advisory committee's (views). */
export class ScreeningForbiddenError extends Error {
  readonly code = "SCREENING.FORBIDDEN";
}

export interface CriteriaVersion {
  version: number;
  items: Criterion[];
  language: string;
  publishedAt: Date;
}

/** The checklist in force: the latest version. */
export async function currentCriteria(_input: { actor: Actor }, deps: { db: Db }): Promise<CriteriaVersion | null> {
  const [row] = await deps.db.select().from(sc).orderBy(desc(sc.version)).limit(1);
  return row ?? null;
}

/** Every version, newest first: a past decision is read against the checklist of its day. Public. */
export async function criteriaHistory(_input: { actor: Actor }, deps: { db: Db }): Promise<CriteriaVersion[]> {
  return deps.db.select().from(sc).orderBy(desc(sc.version));
}

/** A new installation starts with a published checklist (domain/screening.ts), so screening can begin. */
export async function ensureScreeningCriteria(db: Db): Promise<void> {
  const [existing] = await db.select({ version: sc.version }).from(sc).limit(1);
  if (existing) return;
  const { items } = parseCriteria(FIRST_CRITERIA.join("\n"));
  await db.transaction(async (tx) => {
    await tx.insert(sc).values({ version: 1, items: items!, language: "en" }).onConflictDoNothing();
    await recordAudit(tx as unknown as Db, systemActor("boot"), {
      action: "screening.criteria.publish",
      subjectType: "screening-criteria",
      subjectId: "1",
      after: { version: 1, items: items!.length },
    });
  });
}

/** The secretariat publishes a new version of the checklist; the old ones stay, as screenings cite them. */
export async function publishScreeningCriteria(
  input: { actor: Actor; text: string; language?: string; request?: AuditContext },
  deps: { db: Db },
): Promise<{ outcome: "published"; version: number } | { outcome: "invalid"; problem: Problem }> {
  if (!can(input.actor, "requests.screen")) throw new ScreeningForbiddenError();
  const { items, problem } = parseCriteria(input.text);
  if (!items) return { outcome: "invalid", problem: problem! };
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Serialises concurrent publications: each gets the next number or fails on the key.
    const [latest] = await db.select({ version: max(sc.version) }).from(sc);
    const version = (latest?.version ?? 0) + 1;
    await db.insert(sc).values({
      version,
      items,
      language: input.language ?? "en",
      publishedBy: input.actor.kind === "user" ? input.actor.userId : null,
    });
    await recordAudit(
      db,
      input.actor,
      {
        action: "screening.criteria.publish",
        subjectType: "screening-criteria",
        subjectId: String(version),
        after: { version, items: items.map((i) => i.text) },
      },
      input.request,
    );
    return { outcome: "published", version } as const;
  });
}

export type ScreenResult = ActResult | { outcome: "invalid"; problems: Record<string, Problem> };

/**
 * An officer's decision: the answers to the checklist in force and the outcome, recorded with
 * the criteria version, then the request opened or returned to its State with the reasons. A
 * submitted request is taken into screening in the same step. One transaction.
 */
export async function screenRequest(
  input: { actor: Actor; id: string; form: ScreeningForm; request?: AuditContext },
  deps: { db: Db; config?: { publicUrl: string } },
): Promise<ScreenResult> {
  // A screening is a person's judgement, recorded under their name: not a token's.
  if (!can(input.actor, "requests.screen") || input.actor.kind !== "user") throw new ScreeningForbiddenError();
  const userId = input.actor.userId;
  const options = { request: input.request, publicUrl: deps.config?.publicUrl };
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const found = await selectVisibleRequest(db, input.actor, input.id, true);
    if (!found) return { outcome: "not-found" } as const;
    const criteria = await currentCriteria(input, { db });
    const { value, problems } = parseScreening(input.form, criteria?.items ?? []);
    if (!value || !criteria) return { outcome: "invalid", problems } as const;
    let row = found.row;
    if (row.state === "submitted") {
      const started = await applyTransition(db, input.actor, row, "start-screening", null, options);
      if (started.outcome !== "done") return started;
      row = { ...row, state: "screening" };
    }
    const result = await applyTransition(db, input.actor, row, value.outcome, value.comment || null, options);
    if (result.outcome !== "done") return result;
    await db.insert(s).values({
      requestId: row.id,
      kind: "decision",
      criteriaVersion: criteria.version,
      answers: value.answers,
      outcome: value.outcome,
      comment: value.comment,
      userId,
    });
    return result;
  });
}

/**
 * An advisory committee member's view for their regional group: the same checklist, advice to
 * open or return, recorded beside the request while it is submitted or under screening.
 */
export async function recordScreeningView(
  input: { actor: Actor; id: string; form: ScreeningForm; request?: AuditContext },
  deps: { db: Db },
): Promise<
  | { outcome: "recorded" }
  | { outcome: "not-found" }
  | { outcome: "closed" }
  | { outcome: "invalid"; problems: Record<string, Problem> }
> {
  const group = committeeGroupOf(input.actor);
  if (!group || input.actor.kind !== "user") throw new ScreeningForbiddenError();
  const actor = input.actor;
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const found = await selectVisibleRequest(db, actor, input.id);
    if (!found) return { outcome: "not-found" } as const;
    if (found.row.state !== "submitted" && found.row.state !== "screening") return { outcome: "closed" } as const;
    const criteria = await currentCriteria(input, { db });
    const { value, problems } = parseScreening(input.form, criteria?.items ?? []);
    if (!value || !criteria) return { outcome: "invalid", problems } as const;
    const [row] = await db
      .insert(s)
      .values({
        requestId: found.row.id,
        kind: "view",
        criteriaVersion: criteria.version,
        answers: value.answers,
        outcome: value.outcome,
        comment: value.comment,
        userId: actor.userId,
        regionalGroup: group,
      })
      .returning({ id: s.id });
    await recordAudit(
      db,
      actor,
      {
        action: "request.screening-view",
        subjectType: "support-request",
        subjectId: found.row.id,
        after: {
          screeningId: row!.id,
          outcome: value.outcome,
          criteriaVersion: criteria.version,
          comment: value.comment,
        },
        confidential: ["comment"],
        organisationId: found.row.organisationId,
      },
      input.request,
    );
    return { outcome: "recorded" } as const;
  });
}

/** The screenings of one request, for its State and the secretariat only. */
export async function screeningsOf(db: Db, requestId: string) {
  return db.select().from(s).where(eq(s.requestId, requestId)).orderBy(asc(s.recordedAt));
}

/**
 * The secretariat's queue (PRODUCT.md principle 5, no one turned away): requests waiting for
 * screening, oldest first, and open requests no provider has answered, longest waiting first.
 */
export async function screeningQueue(input: { actor: Actor; now?: Date }, deps: { db: Db }) {
  if (!can(input.actor, "requests.review")) throw new ScreeningForbiddenError();
  const now = input.now ?? new Date();
  const columns = {
    id: r.id,
    seq: r.seq,
    title: r.title,
    language: r.language,
    stateIso3: r.stateIso3,
    regionalGroup: regionalGroupOf(r.stateIso3),
    state: r.state,
    submittedAt: r.submittedAt,
    openedAt: r.openedAt,
    // Drizzle writes a one-table select's columns unqualified: `${r.id}` would read the screening's own id here.
    views: sql<number>`(select count(*)::int from ${s} where ${s.requestId} = ${r}.${sql.identifier("id")} and ${s.kind} = 'view')`,
  };
  const [waiting, unanswered] = await Promise.all([
    deps.db
      .select(columns)
      .from(r)
      .where(and(inArray(r.state, ["submitted", "screening"]), visibleRequest(input.actor)))
      .orderBy(asc(r.submittedAt))
      .limit(200),
    deps.db
      .select(columns)
      .from(r)
      .where(and(eq(r.state, "open"), isNull(r.matchedAt), visibleRequest(input.actor)))
      .orderBy(asc(r.openedAt))
      .limit(200),
  ]);
  return {
    waiting: waiting.map((row) => ({ ...row, days: daysBetween(row.submittedAt ?? now, now) })),
    unanswered: unanswered.map((row) => ({ ...row, days: daysBetween(row.openedAt ?? now, now) })),
  };
}
