import { hash } from "@node-rs/argon2";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { isLocale } from "../../../platform/i18n/locales";
import { enqueueMail } from "../../../platform/mail/outbox";
import { hashToken, newToken } from "../../../platform/tokens";
import { checkPassword } from "../domain/password";
import { passwordResets, sessions, users } from "../schema";
import { selectUser, selectUserByEmail } from "../store";

const RESET_MINUTES = 60;

/**
 * Emails a one-hour reset link when the address belongs to an active account. The caller shows
 * the same answer either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  input: { actor: Actor; email: string; locale: string; request: AuditContext },
  deps: { db: Db; config: Config; now?: () => Date },
): Promise<void> {
  const user = await selectUserByEmail(deps.db, input.email);
  if (user?.status !== "active") return;
  const now = deps.now?.() ?? new Date();
  const token = newToken();
  const locale = isLocale(user.locale) ? user.locale : isLocale(input.locale) ? input.locale : "en";
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    await enqueueMail(db, {
      to: user.email,
      locale,
      kind: "password-reset",
      values: {
        name: user.displayName,
        link: `${deps.config.publicUrl}/${locale}/reset-password/${token}`,
        minutes: RESET_MINUTES,
      },
    });
  });
}

export async function findOpenReset(token: string, deps: { db: Db; now?: () => Date }) {
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select()
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return row ?? null;
}

export type ResetResult =
  | { outcome: "reset" }
  | { outcome: "expired" }
  | { outcome: "invalid"; errors: Record<string, string> };

/** Sets the new password, spends the link, and ends every session of the account. */
export async function resetPassword(
  input: { token: string; password: string; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<ResetResult> {
  const reset = await findOpenReset(input.token, deps);
  if (!reset) return { outcome: "expired" };
  const user = await selectUser(deps.db, reset.userId);
  if (user?.status !== "active") return { outcome: "expired" };
  const problem = checkPassword(input.password, { email: user.email });
  if (problem) return { outcome: "invalid", errors: { password: problem } };
  const passwordHash = await hash(input.password);
  const now = deps.now?.() ?? new Date();
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const spent = await db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, reset.tokenHash), isNull(passwordResets.usedAt)))
      .returning();
    if (spent.length === 0) return { outcome: "expired" as const };
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    const actor: Actor = {
      kind: "user",
      userId: user.id,
      displayName: user.displayName,
      sessionId: null,
      memberships: [],
      secondFactor: false,
    };
    await recordAudit(
      db,
      actor,
      {
        action: "user.password-reset",
        subjectType: "user",
        subjectId: user.id,
        after: { passwordChanged: true, sessionsEnded: true },
      },
      input.request,
    );
    return { outcome: "reset" as const };
  });
}
