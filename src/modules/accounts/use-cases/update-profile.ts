import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { isLocale } from "../../../platform/i18n/locales";
import { users } from "../schema";
import { selectUser } from "../store";
import { NotSignedInError } from "./enrol-second-factor";

/** A person's name as others see it, and the language the platform writes to them in. */
export async function updateProfile(
  input: { actor: Actor; displayName: string; locale: string; request: AuditContext },
  deps: { db: Db },
): Promise<{ outcome: "updated" } | { outcome: "invalid"; errors: Record<string, string> }> {
  if (input.actor.kind !== "user") throw new NotSignedInError();
  const displayName = input.displayName.trim();
  const errors: Record<string, string> = {};
  if (displayName.length < 2 || displayName.length > 120) errors.displayName = "join.error.displayName";
  if (!isLocale(input.locale)) errors.locale = "profile.error.locale";
  if (Object.keys(errors).length > 0) return { outcome: "invalid", errors };
  const user = await selectUser(deps.db, input.actor.userId);
  if (!user) throw new NotSignedInError();
  const actor = input.actor;
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.update(users).set({ displayName, locale: input.locale }).where(eq(users.id, user.id));
    await recordAudit(
      db,
      actor,
      {
        action: "user.update-profile",
        subjectType: "user",
        subjectId: user.id,
        before: { displayName: user.displayName, locale: user.locale },
        after: { displayName, locale: input.locale },
        personal: ["displayName"],
      },
      input.request,
    );
  });
  return { outcome: "updated" };
}
