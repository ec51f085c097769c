import type { Actor } from "../actor";
import { actingOrganisationId } from "../actor";
import type { Db } from "../db/database";
import { auditEvents } from "./schema";

export interface AuditContext {
  requestId?: string | null;
  ipAddress?: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields whose values are personal data: recorded as changed, never with their values. */
  personal?: readonly string[];
  /**
   * Fields whose values their owner keeps to a visibility tier (a State's private notes): the
   * secretariat reads the trail, so they too are recorded as changed, never with their values.
   */
  confidential?: readonly string[];
  /** When the actor acted for a particular organisation (defaults to its first). */
  organisationId?: string | null;
}

const PERSONAL = "[personal data]";
const CONFIDENTIAL = "[confidential]";

/** `{ field: [before, after] }` for every field whose value differs. Pure; exported for tests. */
export function diff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  personal: readonly string[] = [],
  confidential: readonly string[] = [],
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const hidden = personal.includes(field) ? PERSONAL : confidential.includes(field) ? CONFIDENTIAL : null;
    changes[field] = hidden ? [b === null ? null : hidden, a === null ? null : hidden] : [b, a];
  }
  return changes;
}

/**
 * Writes one audit row inside the caller's transaction, so the change and its record land
 * together or not at all.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry, context: AuditContext = {}): Promise<void> {
  await tx.insert(auditEvents).values({
    actorKind: actor.kind,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorTokenId: actor.kind === "token" ? actor.tokenId : null,
    organisationId: entry.organisationId === undefined ? actingOrganisationId(actor) : entry.organisationId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    changes: diff(entry.before, entry.after, entry.personal, entry.confidential),
    requestId: context.requestId ?? null,
    ipAddress: context.ipAddress ?? null,
  });
}
