import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { NOTIFICATION_KINDS } from "../domain/kinds";
import {
  type PreferenceProblems,
  type Preferences,
  parsePreferencesForm,
  preferencesFrom,
} from "../domain/preferences";
import { selectPreferenceRows, upsertPreferences } from "../store";
import { signedInUser } from "./not-signed-in";

/** For each kind: an email at once, or in the daily summary. */
export async function getMyPreferences(input: { actor: Actor }, deps: { db: Db }): Promise<Preferences> {
  const user = signedInUser(input.actor);
  return preferencesFrom(await selectPreferenceRows(deps.db, user.userId));
}

export async function setMyPreferences(
  input: { actor: Actor; form: Record<string, string | undefined>; request: AuditContext },
  deps: { db: Db },
): Promise<{ outcome: "saved"; preferences: Preferences } | { outcome: "invalid"; problems: PreferenceProblems }> {
  const user = signedInUser(input.actor);
  const { value, problems } = parsePreferencesForm(input.form);
  if (!value) return { outcome: "invalid", problems };
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const before = preferencesFrom(await selectPreferenceRows(db, user.userId));
    await upsertPreferences(
      db,
      user.userId,
      NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: value[kind] })),
    );
    await recordAudit(
      db,
      user,
      {
        action: "notification.preferences",
        subjectType: "user",
        subjectId: user.userId,
        // A person's own setting, not an act for their organisation.
        organisationId: null,
        before: { ...before },
        after: { ...value },
      },
      input.request,
    );
  });
  return { outcome: "saved", preferences: value };
}
