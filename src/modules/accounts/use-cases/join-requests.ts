import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { isLocale } from "../../../platform/i18n/locales";
import { can } from "../domain/policy";
import { joinRequests, organisations } from "../schema";
import { inviteMember } from "./invitations";
import { ForbiddenError } from "./list-audit-events";

/** Roles a person may ask for themselves; staff roles come only by invitation. */
export const REQUESTABLE_ROLES = ["state-focal-point", "provider-focal-point", "expert"] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function requestToJoin(
  input: { actor: Actor; raw: Record<string, string>; locale: string; request: AuditContext },
  deps: { db: Db },
): Promise<{ outcome: "requested" } | { outcome: "invalid"; errors: Record<string, string> }> {
  const r = input.raw;
  const errors: Record<string, string> = {};
  const email = (r.email ?? "").trim().toLowerCase();
  const displayName = (r.displayName ?? "").trim();
  const message = (r.message ?? "").trim();
  if (!EMAIL.test(email)) errors.email = "invite.error.email";
  if (displayName.length < 2 || displayName.length > 120) errors.displayName = "join.error.displayName";
  if (!(REQUESTABLE_ROLES as readonly string[]).includes(r.role ?? "")) errors.role = "invite.error.role";
  if (message.length > 2000) errors.message = "joinRequest.error.message";
  const [organisation] = /^[0-9a-f-]{36}$/i.test(r.organisationId ?? "")
    ? await deps.db.select().from(organisations).where(eq(organisations.id, r.organisationId!))
    : [];
  if (!organisation || organisation.isSecretariat) errors.organisationId = "invite.error.organisation";
  else if (r.role === "state-focal-point" && organisation.kind !== "state") errors.role = "invite.error.roleDoesNotFit";
  if (Object.keys(errors).length > 0 || !organisation) return { outcome: "invalid", errors };
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [row] = await db
      .insert(joinRequests)
      .values({
        email,
        displayName,
        organisationId: organisation.id,
        role: r.role!,
        message,
        locale: isLocale(input.locale) ? input.locale : "en",
      })
      .returning();
    await recordAudit(
      db,
      input.actor,
      {
        action: "join-request.create",
        subjectType: "join-request",
        subjectId: row!.id,
        organisationId: organisation.id,
        after: { email, displayName, role: r.role },
        personal: ["email", "displayName"],
      },
      input.request,
    );
  });
  return { outcome: "requested" };
}

export async function listPendingJoinRequests({ actor }: { actor: Actor }, deps: { db: Db }) {
  if (!can(actor, "users.manage")) throw new ForbiddenError();
  return deps.db
    .select({
      id: joinRequests.id,
      email: joinRequests.email,
      displayName: joinRequests.displayName,
      role: joinRequests.role,
      message: joinRequests.message,
      createdAt: joinRequests.createdAt,
      organisationName: organisations.name,
    })
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .where(eq(joinRequests.status, "pending"))
    .orderBy(asc(joinRequests.createdAt));
}

/** Approving sends the person an invitation (so they choose their own password); declining records it. */
export async function decideJoinRequest(
  input: { actor: Actor; id: string; decision: "approve" | "decline"; request: AuditContext },
  deps: { db: Db; config: Config },
): Promise<"approved" | "declined" | "not-found"> {
  if (!can(input.actor, "users.manage")) throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) return "not-found";
  const status = input.decision === "approve" ? "approved" : "declined";
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Claim the request first: a second click finds nothing pending and sends no second invitation.
    const [claimed] = await db
      .update(joinRequests)
      .set({ status, decidedAt: new Date(), decidedBy: input.actor.kind === "user" ? input.actor.userId : null })
      .where(and(eq(joinRequests.id, input.id), eq(joinRequests.status, "pending")))
      .returning();
    if (!claimed) return "not-found" as const;
    if (input.decision === "approve") {
      const invited = await inviteMember(
        {
          actor: input.actor,
          email: claimed.email,
          organisationId: claimed.organisationId,
          role: claimed.role,
          locale: claimed.locale,
          request: input.request,
        },
        { ...deps, db },
      );
      if (invited.outcome !== "invited") throw new ForbiddenError();
    }
    await recordAudit(
      db,
      input.actor,
      {
        action: `join-request.${input.decision}`,
        subjectType: "join-request",
        subjectId: claimed.id,
        organisationId: claimed.organisationId,
        before: { status: "pending" },
        after: { status },
      },
      input.request,
    );
    return status;
  });
}

export async function listJoinableOrganisations(deps: { db: Db }) {
  return deps.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.isSecretariat, false))
    .orderBy(asc(organisations.name));
}
