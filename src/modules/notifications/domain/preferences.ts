import { DEFAULT_DELIVERY, DELIVERIES, type Delivery, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export type Preferences = Record<NotificationKind, Delivery>;
export type PreferenceProblems = Partial<Record<NotificationKind, { key: string }>>;

/** Every kind with its delivery: what is stored, and the default for the rest. Pure. */
export function preferencesFrom(rows: readonly { kind: string; delivery: string }[]): Preferences {
  const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_DELIVERY])) as Preferences;
  for (const row of rows)
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind) && isDelivery(row.delivery))
      preferences[row.kind as NotificationKind] = row.delivery;
  return preferences;
}

export function isDelivery(value: unknown): value is Delivery {
  return typeof value === "string" && (DELIVERIES as readonly string[]).includes(value);
}

/**
 * The preferences form: one radio pair per kind, named after the kind. A kind left out keeps
 * its default; a value we never offered is a problem on that kind's field. Pure.
 */
export function parsePreferencesForm(form: Record<string, string | undefined>): {
  value: Preferences | null;
  problems: PreferenceProblems;
} {
  const value = preferencesFrom([]);
  const problems: PreferenceProblems = {};
  for (const kind of NOTIFICATION_KINDS) {
    const given = form[kind];
    if (given === undefined || given === "") continue;
    if (isDelivery(given)) value[kind] = given;
    else problems[kind] = { key: "notificationPreferences.error.delivery" };
  }
  return Object.keys(problems).length > 0 ? { value: null, problems } : { value, problems };
}
