import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import type { Db } from "../../../platform/db/database";
import type { ParsedAuditFilter } from "../domain/audit-filter";
import { can } from "../domain/policy";
import { organisations, users } from "../schema";

export class ForbiddenError extends Error {}

export type { ParsedAuditFilter as AuditFilter } from "../domain/audit-filter";

const AUDIT_PAGE_MAX = 10_000;

/** The audit trail, newest first, for the secretariat: on screen a page at a time, in CSV whole. */
export async function listAuditEvents(
  input: { actor: Actor; filter: ParsedAuditFilter; limit: number; offset: number },
  deps: { db: Db },
) {
  if (!can(input.actor, "audit.view")) throw new ForbiddenError();
  const f = input.filter;
  const conditions: SQL[] = [];
  // An email that matches no one must match no event, not every event.
  if (f.userEmail)
    conditions.push(sql`${auditEvents.actorUserId} = (select id from ${users} where ${users.email} = ${f.userEmail})`);
  if (f.organisationId) conditions.push(eq(auditEvents.organisationId, f.organisationId));
  if (f.subjectType) conditions.push(eq(auditEvents.subjectType, f.subjectType));
  if (f.subjectId) conditions.push(eq(auditEvents.subjectId, f.subjectId));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) conditions.push(lt(auditEvents.occurredAt, f.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        actorKind: auditEvents.actorKind,
        actorUserId: auditEvents.actorUserId,
        actorName: users.displayName,
        organisationId: auditEvents.organisationId,
        organisationName: organisations.name,
        action: auditEvents.action,
        subjectType: auditEvents.subjectType,
        subjectId: auditEvents.subjectId,
        changes: auditEvents.changes,
        requestId: auditEvents.requestId,
        ipAddress: auditEvents.ipAddress,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(Math.min(input.limit, AUDIT_PAGE_MAX))
      .offset(input.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { events: rows, total: Number(count?.n ?? 0) };
}

/** The organisations and subject types to offer in the audit page's filter. */
export async function listAuditFilterChoices({ actor }: { actor: Actor }, deps: { db: Db }) {
  if (!can(actor, "audit.view")) throw new ForbiddenError();
  const [orgs, types] = await Promise.all([
    deps.db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(organisations.name),
    deps.db.selectDistinct({ subjectType: auditEvents.subjectType }).from(auditEvents).orderBy(auditEvents.subjectType),
  ]);
  return { organisations: orgs, subjectTypes: types.map((t) => t.subjectType) };
}
