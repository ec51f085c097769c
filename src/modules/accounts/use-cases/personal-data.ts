import { eq, or } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import { auditEvents } from "../../../platform/audit/schema";
import type { Db } from "../../../platform/db/database";
import { invitations, memberships, recoveryCodes, sessions, userIdentities, users } from "../schema";
import { selectMemberships, selectUser } from "../store";
import { revokeTokensIssuedBy } from "./api-tokens";
import { NotSignedInError } from "./enrol-second-factor";

/** Everything the platform holds about the signed-in person, as one JSON document. */
export async function exportMyData({ actor }: { actor: Actor }, deps: { db: Db }) {
  if (actor.kind !== "user") throw new NotSignedInError();
  const user = await selectUser(deps.db, actor.userId);
  if (!user) throw new NotSignedInError();
  const [identities, mySessions, invitationsReceived, events] = await Promise.all([
    deps.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id)),
    deps.db.select().from(sessions).where(eq(sessions.userId, user.id)),
    deps.db.select().from(invitations).where(eq(invitations.email, user.email)),
    deps.db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.actorUserId, user.id), eq(auditEvents.subjectId, user.id))),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      createdAt: user.createdAt,
      secondFactorEnabledAt: user.totpEnabledAt,
    },
    memberships: await selectMemberships(deps.db, user.id),
    singleSignOnIdentities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject, linkedAt: i.createdAt })),
    sessions: mySessions.map((s) => ({
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
    invitationsReceived: invitationsReceived.map((i) => ({
      organisationId: i.organisationId,
      role: i.role,
      createdAt: i.createdAt,
      acceptedAt: i.acceptedAt,
    })),
    auditTrail: events,
  };
}

/**
 * Closes the account: the person can no longer sign in, their name and email are replaced by a
 * pseudonym, and their sessions, identities and roles end. The audit trail keeps its rows (they
 * hold the account's id, never its personal values), so accountability survives.
 */
export async function closeMyAccount(
  { actor, request }: { actor: Actor; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<void> {
  if (actor.kind !== "user") throw new NotSignedInError();
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const userId = actor.userId;
    await db.delete(sessions).where(eq(sessions.userId, userId));
    await db.delete(userIdentities).where(eq(userIdentities.userId, userId));
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await db.delete(memberships).where(eq(memberships.userId, userId));
    await revokeTokensIssuedBy(db, userId);
    await db
      .update(users)
      .set({
        email: `closed-${userId}@closed.invalid`,
        displayName: "Closed account",
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        status: "closed",
        closedAt: now,
      })
      .where(eq(users.id, userId));
    await recordAudit(
      db,
      actor,
      {
        action: "user.close",
        subjectType: "user",
        subjectId: userId,
        before: { status: "active", email: "x", displayName: "x" },
        after: { status: "closed", email: "y", displayName: "y" },
        personal: ["email", "displayName"],
      },
      request,
    );
  });
}
