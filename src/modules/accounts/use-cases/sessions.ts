import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { hashToken, newToken } from "../../../platform/tokens";
import { secondsUntilAllowed, THROTTLE_WINDOW_MINUTES } from "../domain/throttle";
import { recoveryCodes, sessions, signInFailures } from "../schema";
import { normaliseRecoveryCode, verifyTotp } from "../second-factor";
import {
  selectFailures,
  selectLiveSession,
  selectMemberships,
  selectUser,
  selectUserByEmail,
  type UserRow,
} from "../store";

/** A session lives 12 hours past its last use, and never more than 30 days. */
const IDLE_HOURS = 12;
const ABSOLUTE_DAYS = 30;
/** Checked against when the account does not exist, so a wrong email costs as much time as a wrong password. */
let decoyHash: Promise<string> | null = null;
const decoy = () => {
  decoyHash ??= hash("decoy password that never matches anything");
  return decoyHash;
};

export type SignInResult =
  | { outcome: "signed-in"; sessionToken: string; userId: string }
  | { outcome: "second-factor"; sessionToken: string; userId: string }
  | { outcome: "throttled"; retryAfterSeconds: number }
  | { outcome: "invalid" };

interface Deps {
  db: Db;
  now?: () => Date;
}

export interface RequestFacts extends AuditContext {
  userAgent?: string | null;
}

/**
 * Serialises tries on the same account or address within a transaction, so that guesses sent at
 * once cannot all be checked before the first failure is counted.
 */
async function lockKeys(db: Db, keys: string[]): Promise<void> {
  for (const key of [...keys].sort()) await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

function throttleKeys(email: string, ipAddress: string | null | undefined): string[] {
  return [`account:${email}`, ...(ipAddress ? [`address:${ipAddress}`] : [])];
}

async function waitRequired(db: Db, keys: string[], now: Date): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const failures = await selectFailures(db, keys, since);
  return Math.max(0, ...[...failures.values()].map((f) => secondsUntilAllowed(f, now)));
}

async function createSession(
  tx: Db,
  userId: string,
  options: { pending: boolean; secondFactor: boolean; now: Date; request: RequestFacts },
): Promise<string> {
  const token = newToken();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    pendingSecondFactor: options.pending,
    secondFactorAt: options.secondFactor ? options.now : null,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + IDLE_HOURS * 3_600_000),
    ipAddress: options.request.ipAddress ?? null,
    userAgent: options.request.userAgent?.slice(0, 500) ?? null,
  });
  return token;
}

/**
 * Email and password. Throttled per account and per address before the password is even
 * looked at; any session the browser already had is replaced (no fixation).
 */
export async function signIn(
  input: { email: string; password: string; previousSessionToken?: string | null; request: RequestFacts },
  deps: Deps,
): Promise<SignInResult> {
  const now = deps.now?.() ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.request.ipAddress);
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await lockKeys(db, keys);
    const wait = await waitRequired(db, keys, now);
    if (wait > 0) return { outcome: "throttled" as const, retryAfterSeconds: wait };
    const user = await selectUserByEmail(db, email);
    const passwordOk = await verify(user?.passwordHash ?? (await decoy()), input.password);
    if (user?.status !== "active" || !user.passwordHash || !passwordOk) {
      await db.insert(signInFailures).values(keys.map((key) => ({ key, failedAt: now })));
      return { outcome: "invalid" as const };
    }
    await db.delete(signInFailures).where(eq(signInFailures.key, `account:${email}`));
    return openSession(db, user, { previousSessionToken: input.previousSessionToken, now, request: input.request });
  });
}

/**
 * What every way of signing in does once it knows who the person is (password, single sign-on):
 * ends the session the browser had (no fixation), opens a new one — pending until the second
 * factor when the person has one — and records `session.sign-in`. Runs inside the caller's
 * transaction, so the session and its audit row land together.
 */
export async function openSession(
  db: Db,
  user: Pick<UserRow, "id" | "displayName" | "totpEnabledAt">,
  input: {
    previousSessionToken?: string | null;
    now: Date;
    request: RequestFacts;
    /** Extra facts for the audit row, such as how the person proved who they are. */
    audit?: Record<string, unknown>;
  },
): Promise<Extract<SignInResult, { sessionToken: string }>> {
  if (input.previousSessionToken)
    await db.delete(sessions).where(eq(sessions.id, hashToken(input.previousSessionToken)));
  const pending = user.totpEnabledAt !== null;
  const sessionToken = await createSession(db, user.id, {
    pending,
    secondFactor: false,
    now: input.now,
    request: input.request,
  });
  const actor: Actor = {
    kind: "user",
    userId: user.id,
    displayName: user.displayName,
    sessionId: null,
    memberships: await selectMemberships(db, user.id),
    secondFactor: false,
  };
  await recordAudit(
    db,
    actor,
    {
      action: "session.sign-in",
      subjectType: "user",
      subjectId: user.id,
      after: { pendingSecondFactor: pending, ...input.audit },
    },
    input.request,
  );
  return pending
    ? { outcome: "second-factor", sessionToken, userId: user.id }
    : { outcome: "signed-in", sessionToken, userId: user.id };
}

/**
 * The second step: a TOTP code or an unused recovery code. Success replaces the pending
 * session with a new one that carries the second factor.
 */
export async function verifySecondFactor(
  input: { sessionToken: string; code: string; request: RequestFacts },
  deps: Deps,
): Promise<SignInResult> {
  const now = deps.now?.() ?? new Date();
  const session = await selectLiveSession(deps.db, hashToken(input.sessionToken), now);
  if (!session?.pendingSecondFactor) return { outcome: "invalid" };
  const user = await selectUser(deps.db, session.userId);
  if (!user?.totpSecret || user.status !== "active") return { outcome: "invalid" };
  const keys = throttleKeys(user.email, input.request.ipAddress);
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await lockKeys(db, keys);
    const wait = await waitRequired(db, keys, now);
    if (wait > 0) return { outcome: "throttled" as const, retryAfterSeconds: wait };
    const byTotp = await verifyTotp(user.totpSecret!, input.code);
    // A recovery code is spent by the update itself: two sign-ins racing with one code, one wins.
    const spent = byTotp
      ? []
      : await db
          .update(recoveryCodes)
          .set({ usedAt: now })
          .where(
            and(
              eq(recoveryCodes.userId, user.id),
              eq(recoveryCodes.codeHash, hashToken(normaliseRecoveryCode(input.code))),
              isNull(recoveryCodes.usedAt),
            ),
          )
          .returning();
    const recovery = spent.length > 0;
    if (!byTotp && !recovery) {
      await db.insert(signInFailures).values(keys.map((key) => ({ key, failedAt: now })));
      return { outcome: "invalid" as const };
    }
    const ended = await db.delete(sessions).where(eq(sessions.id, session.id)).returning();
    if (ended.length === 0) return { outcome: "invalid" as const };
    await db.delete(signInFailures).where(eq(signInFailures.key, `account:${user.email}`));
    const sessionToken = await createSession(db, user.id, {
      pending: false,
      secondFactor: true,
      now,
      request: input.request,
    });
    const actor: Actor = {
      kind: "user",
      userId: user.id,
      displayName: user.displayName,
      sessionId: null,
      memberships: await selectMemberships(db, user.id),
      secondFactor: true,
    };
    await recordAudit(
      db,
      actor,
      {
        action: recovery ? "session.second-factor-recovery-code" : "session.second-factor",
        subjectType: "user",
        subjectId: user.id,
      },
      input.request,
    );
    return { outcome: "signed-in" as const, sessionToken, userId: user.id };
  });
}

export interface ResolvedSession {
  actor: Actor;
  /** A session that still owes its second factor: it may only finish signing in. */
  pendingUserId: string | null;
  locale: string | null;
}

/** The actor behind a session cookie; anonymous when the cookie is missing, expired or revoked. */
export async function resolveSession(token: string | null, deps: Deps): Promise<ResolvedSession> {
  const anonymous: ResolvedSession = { actor: { kind: "anonymous" }, pendingUserId: null, locale: null };
  if (!token) return anonymous;
  const now = deps.now?.() ?? new Date();
  const session = await selectLiveSession(deps.db, hashToken(token), now);
  if (!session) return anonymous;
  const user = await selectUser(deps.db, session.userId);
  if (user?.status !== "active") return anonymous;
  if (session.pendingSecondFactor) return { ...anonymous, pendingUserId: user.id };
  // Sliding expiry, written at most every five minutes to keep reads cheap.
  if (now.getTime() - session.lastSeenAt.getTime() > 5 * 60_000) {
    const absolute = session.createdAt.getTime() + ABSOLUTE_DAYS * 86_400_000;
    const expiresAt = new Date(Math.min(absolute, now.getTime() + IDLE_HOURS * 3_600_000));
    await deps.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, session.id));
  }
  return {
    actor: {
      kind: "user",
      userId: user.id,
      displayName: user.displayName,
      sessionId: session.id,
      memberships: await selectMemberships(deps.db, user.id),
      secondFactor: session.secondFactorAt !== null,
    },
    pendingUserId: null,
    locale: user.locale,
  };
}

export async function signOut(input: { actor: Actor; sessionToken: string; request: AuditContext }, deps: Deps) {
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const deleted = await db
      .delete(sessions)
      .where(eq(sessions.id, hashToken(input.sessionToken)))
      .returning();
    const userId = deleted[0]?.userId;
    if (userId)
      await recordAudit(
        db,
        input.actor,
        { action: "session.sign-out", subjectType: "user", subjectId: userId },
        input.request,
      );
  });
}

/** Ends every session of the user, on every device, including this one. */
export async function signOutEverywhere(input: { actor: Actor; request: AuditContext }, deps: Deps): Promise<number> {
  if (input.actor.kind !== "user") return 0;
  const userId = input.actor.userId;
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    await recordAudit(
      db,
      input.actor,
      {
        action: "session.sign-out-everywhere",
        subjectType: "user",
        subjectId: userId,
        after: { sessionsEnded: deleted.length },
      },
      input.request,
    );
    return deleted.length;
  });
}

/** Housekeeping for the nightly job: expired sessions and old failures. */
export async function purgeExpiredSessions(deps: Deps): Promise<void> {
  const now = deps.now?.() ?? new Date();
  await deps.db.delete(sessions).where(lt(sessions.expiresAt, now));
  await deps.db.delete(signInFailures).where(lt(signInFailures.failedAt, new Date(now.getTime() - 86_400_000)));
}
