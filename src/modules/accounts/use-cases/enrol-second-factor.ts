import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { hashToken, newToken } from "../../../platform/tokens";
import { recoveryCodes, sessions, users } from "../schema";
import { newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri, verifyTotp } from "../second-factor";
import { selectUser } from "../store";

export class NotSignedInError extends Error {}

/**
 * Step one: a fresh secret, kept on the user but inactive until a code from it is confirmed.
 * Returns what the enrolment page shows: the QR code and the secret for manual entry.
 */
export async function startSecondFactorEnrolment(
  { actor }: { actor: Actor },
  deps: { db: Db },
): Promise<{ secret: string; qrSvg: string; alreadyEnabled: boolean }> {
  if (actor.kind !== "user") throw new NotSignedInError();
  const user = await selectUser(deps.db, actor.userId);
  if (!user) throw new NotSignedInError();
  if (user.totpEnabledAt && user.totpSecret) return { secret: "", qrSvg: "", alreadyEnabled: true };
  const secret = user.totpSecret ?? newTotpSecret();
  if (!user.totpSecret)
    await deps.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      await db.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
      // The secret itself never enters the trail; only that one was issued.
      await recordAudit(db, actor, {
        action: "user.second-factor-secret-issued",
        subjectType: "user",
        subjectId: user.id,
      });
    });
  return { secret, qrSvg: await totpQrSvg(totpUri(secret, user.email)), alreadyEnabled: false };
}

export type ConfirmResult =
  | { outcome: "enabled"; recoveryCodes: string[]; sessionToken: string }
  | { outcome: "wrong-code" };

/**
 * Step two: a correct code switches the second factor on, issues recovery codes (shown once)
 * and replaces the session with one that has passed the second factor.
 */
export async function confirmSecondFactorEnrolment(
  input: { actor: Actor; code: string; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<ConfirmResult> {
  const { actor } = input;
  if (actor.kind !== "user" || !actor.sessionId) throw new NotSignedInError();
  const user = await selectUser(deps.db, actor.userId);
  if (!user?.totpSecret || user.totpEnabledAt) return { outcome: "wrong-code" };
  if (!(await verifyTotp(user.totpSecret, input.code))) return { outcome: "wrong-code" };
  const now = deps.now?.() ?? new Date();
  const { codes, hashes } = newRecoveryCodes();
  const sessionToken = newToken();
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.update(users).set({ totpEnabledAt: now }).where(eq(users.id, user.id));
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: user.id, codeHash })));
    // Every other session ends too: whoever held only the password before cannot ride on them.
    const ended = await db.delete(sessions).where(eq(sessions.userId, user.id)).returning();
    const old = ended.find((s) => s.id === actor.sessionId);
    await db.insert(sessions).values({
      id: hashToken(sessionToken),
      userId: user.id,
      secondFactorAt: now,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: old?.expiresAt ?? new Date(now.getTime() + 12 * 3_600_000),
      ipAddress: input.request.ipAddress ?? null,
      userAgent: old?.userAgent ?? null,
    });
    await recordAudit(
      db,
      actor,
      {
        action: "user.second-factor-enabled",
        subjectType: "user",
        subjectId: user.id,
        before: { secondFactor: false },
        after: { secondFactor: true },
      },
      input.request,
    );
  });
  return { outcome: "enabled", recoveryCodes: codes, sessionToken };
}
