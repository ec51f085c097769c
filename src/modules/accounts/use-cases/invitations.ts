import { hash } from "@node-rs/argon2";
import { and, desc, eq, gt, ilike, isNull, or, sql } from "drizzle-orm";
import type { Actor, Role } from "../../../platform/actor";
import { ROLES } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { isLocale, type Locale } from "../../../platform/i18n/locales";
import { enqueueMail } from "../../../platform/mail/outbox";
import { hashToken, newToken } from "../../../platform/tokens";
import { canInvite, canRevokeRole, roleFitsOrganisation } from "../domain/membership-rules";
import { checkPassword } from "../domain/password";
import { can } from "../domain/policy";
import { likePattern } from "../domain/search";
import { invitations, memberships, organisations, users } from "../schema";
import { selectUserByEmail } from "../store";
import { revokeTokensIssuedBy } from "./api-tokens";
import { ForbiddenError } from "./list-audit-events";

const INVITATION_DAYS = 14;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GROUPS = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean", "western-european-other"];

export type InviteResult =
  | { outcome: "invited"; invitationId: string }
  | { outcome: "invalid"; errors: Record<string, string> }
  | { outcome: "forbidden" };

/** Sends a single-use link, valid for 14 days, to join an organisation in one role. */
export async function inviteMember(
  input: {
    actor: Actor;
    email: string;
    organisationId: string;
    role: string;
    regionalGroup?: string | null;
    locale: string;
    request: AuditContext;
  },
  deps: { db: Db; config: Config; now?: () => Date },
): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  const errors: Record<string, string> = {};
  if (!EMAIL.test(email)) errors.email = "invite.error.email";
  if (!(ROLES as readonly string[]).includes(input.role)) errors.role = "invite.error.role";
  const regionalGroup = input.role === "advisory-committee-member" ? (input.regionalGroup ?? "") : null;
  if (regionalGroup !== null && !GROUPS.includes(regionalGroup)) errors.regionalGroup = "invite.error.regionalGroup";
  const [organisation] = /^[0-9a-f-]{36}$/i.test(input.organisationId)
    ? await deps.db.select().from(organisations).where(eq(organisations.id, input.organisationId))
    : [];
  if (!organisation) errors.organisationId = "invite.error.organisation";
  if (Object.keys(errors).length > 0 || !organisation) return { outcome: "invalid", errors };
  const role = input.role as Role;
  const facts = { id: organisation.id, kind: organisation.kind as never, isSecretariat: organisation.isSecretariat };
  if (!roleFitsOrganisation(role, facts))
    return { outcome: "invalid", errors: { role: "invite.error.roleDoesNotFit" } };
  if (!canInvite(input.actor, facts, role)) return { outcome: "forbidden" };

  const now = deps.now?.() ?? new Date();
  const token = newToken();
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const invitationId = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [row] = await db
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email,
        organisationId: organisation.id,
        role,
        regionalGroup,
        locale,
        invitedBy: input.actor.kind === "user" ? input.actor.userId : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await enqueueMail(db, {
      to: email,
      locale,
      kind: "invitation",
      values: {
        organisation: organisation.name,
        link: `${deps.config.publicUrl}/${locale}/join/${token}`,
        days: INVITATION_DAYS,
      },
    });
    await recordAudit(
      db,
      input.actor,
      {
        action: "invitation.create",
        subjectType: "invitation",
        subjectId: row!.id,
        after: { email, organisationId: organisation.id, role, regionalGroup },
        personal: ["email"],
      },
      input.request,
    );
    return row!.id;
  });
  return { outcome: "invited", invitationId };
}

/** An invitation that can still be used, with what the join page shows. */
export async function findOpenInvitation(token: string, deps: { db: Db; now?: () => Date }) {
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      regionalGroup: invitations.regionalGroup,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  if (!row) return null;
  const existing = await selectUserByEmail(deps.db, row.email);
  return { ...row, role: row.role as Role, hasAccount: existing !== null && existing.status === "active" };
}

export type AcceptResult =
  | { outcome: "joined"; userId: string; email: string; createdAccount: boolean }
  | { outcome: "invalid"; errors: Record<string, string> }
  | { outcome: "expired" }
  | { outcome: "sign-in-first" };

/**
 * Uses the link: a new person sets their name and password; a person who already has an account
 * must be signed in as that account. Either way the membership is added and the link is spent.
 */
export async function acceptInvitation(
  input: { actor: Actor; token: string; displayName?: string; password?: string; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<AcceptResult> {
  const invitation = await findOpenInvitation(input.token, deps);
  if (!invitation) return { outcome: "expired" };
  const now = deps.now?.() ?? new Date();
  const existing = await selectUserByEmail(deps.db, invitation.email);
  let passwordHash: string | null = null;
  if (!existing) {
    const errors: Record<string, string> = {};
    const name = input.displayName?.trim() ?? "";
    if (name.length < 2 || name.length > 120) errors.displayName = "join.error.displayName";
    const problem = checkPassword(input.password ?? "", { email: invitation.email });
    if (problem) errors.password = problem;
    if (Object.keys(errors).length > 0) return { outcome: "invalid", errors };
    passwordHash = await hash(input.password ?? "");
  } else if (input.actor.kind !== "user" || input.actor.userId !== existing.id) {
    return { outcome: "sign-in-first" };
  }

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Spend the link first: a second use racing this one finds nothing to update.
    const spent = await db
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (spent.length === 0) return { outcome: "expired" as const };
    const userId =
      existing?.id ??
      (
        await db
          .insert(users)
          .values({ email: invitation.email, displayName: input.displayName!.trim(), passwordHash, locale: "en" })
          .returning()
      )[0]!.id;
    await db.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, invitation.id));
    await db
      .insert(memberships)
      .values({
        userId,
        organisationId: invitation.organisationId,
        role: invitation.role,
        regionalGroup: invitation.regionalGroup,
      })
      .onConflictDoNothing();
    const actor: Actor =
      input.actor.kind === "user"
        ? input.actor
        : {
            kind: "user",
            userId,
            displayName: input.displayName ?? "",
            sessionId: null,
            memberships: [],
            secondFactor: false,
          };
    // One change, one row: joining may create the account, and the row says so.
    await recordAudit(
      db,
      actor,
      {
        action: "invitation.accept",
        subjectType: "invitation",
        subjectId: invitation.id,
        organisationId: invitation.organisationId,
        after: { role: invitation.role, userId, accountCreated: !existing },
      },
      input.request,
    );
    return { outcome: "joined" as const, userId, email: invitation.email, createdAccount: !existing };
  });
}

/** The organisations the actor may invite people into: all for the secretariat, their own otherwise. */
export async function listInvitableOrganisations({ actor }: { actor: Actor }, deps: { db: Db }) {
  const all = await deps.db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      isSecretariat: organisations.isSecretariat,
    })
    .from(organisations)
    .orderBy(organisations.name);
  return all
    .filter((o) =>
      ROLES.some((role) => canInvite(actor, { id: o.id, kind: o.kind as never, isSecretariat: o.isSecretariat }, role)),
    )
    .map((o) => ({ id: o.id, name: o.name }));
}

/** Invitations not yet used, newest first, for the secretariat's list (search by email or organisation). */
export async function listOpenInvitations(
  input: { actor: Actor; search: string; limit: number; offset: number },
  deps: { db: Db; now?: () => Date },
) {
  if (!can(input.actor, "users.manage")) throw new ForbiddenError();
  const now = deps.now?.() ?? new Date();
  const search = input.search.trim();
  const conditions = [isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)];
  if (search)
    conditions.push(
      or(ilike(invitations.email, likePattern(search.toLowerCase())), ilike(organisations.name, likePattern(search)))!,
    );
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        organisationName: organisations.name,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .where(where)
      .orderBy(desc(invitations.createdAt))
      .limit(input.limit)
      .offset(input.offset),
    deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .where(where),
  ]);
  return { invitations: rows, total: Number(count?.n ?? 0) };
}

/** A revoked link stops working at once. */
export async function revokeInvitation(
  input: { actor: Actor; id: string; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<"revoked" | "not-found"> {
  if (!can(input.actor, "users.manage")) throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) return "not-found";
  const now = deps.now?.() ?? new Date();
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const revoked = await db
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, input.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (revoked.length === 0) return "not-found" as const;
    await recordAudit(
      db,
      input.actor,
      {
        action: "invitation.revoke",
        subjectType: "invitation",
        subjectId: input.id,
        organisationId: revoked[0]!.organisationId,
        before: { revoked: false },
        after: { revoked: true },
      },
      input.request,
    );
    return "revoked" as const;
  });
}

/** Takes one role away from a person in one organisation (the secretariat and administrators). */
export async function removeMembership(
  input: { actor: Actor; userId: string; organisationId: string; role: string; request: AuditContext },
  deps: { db: Db },
): Promise<"removed" | "not-found"> {
  if (!can(input.actor, "users.manage")) throw new ForbiddenError();
  if (!(ROLES as readonly string[]).includes(input.role) || !canRevokeRole(input.actor, input.role as Role))
    throw new ForbiddenError();
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(input.userId) || !uuid.test(input.organisationId)) return "not-found";
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const removed = await db
      .delete(memberships)
      .where(
        and(
          eq(memberships.userId, input.userId),
          eq(memberships.organisationId, input.organisationId),
          eq(memberships.role, input.role),
        ),
      )
      .returning();
    if (removed.length === 0) return "not-found" as const;
    // Tokens a person issued for the organisation stop working when they stop speaking for it.
    await revokeTokensIssuedBy(db, input.userId, input.organisationId);
    await recordAudit(
      db,
      input.actor,
      {
        action: "membership.remove",
        subjectType: "user",
        subjectId: input.userId,
        organisationId: input.organisationId,
        before: { role: input.role },
        after: { role: null },
      },
      input.request,
    );
    return "removed" as const;
  });
}
