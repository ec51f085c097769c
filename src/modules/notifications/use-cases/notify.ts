import type { Actor } from "../../../platform/actor";
import { loadConfig } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { enqueueMail } from "../../../platform/mail/outbox";
import { canSee, type VisibleRecord } from "../../../platform/visibility";
import { findRecipients, type Recipient } from "../../accounts";
import {
  type AudienceSelector,
  isNotificationKind,
  isSitePath,
  missingValues,
  type NotificationKind,
} from "../domain/kinds";
import { notificationLabel, notificationText, siteLink } from "../domain/render";
import { insertNotifications, selectDailyReaders, selectPriorRecipientIds } from "../store";

export type NotificationSubjectType = "support-request" | "national-update" | "offer" | "match";

export interface NotifyInput {
  kind: NotificationKind;
  subject: { type: NotificationSubjectType; id: string };
  /** Recipients who may not see it (`canSee`) get nothing: checked per recipient. */
  record: VisibleRecord;
  /** A person is a candidate when any selector matches one of their memberships. */
  audience: AudienceSelector[];
  /** Also everyone who had a notification about this subject before. */
  includePriorRecipients?: boolean;
  /** ICU values for the kind's message (`NOTIFICATION_VALUES` lists the ones each kind needs). */
  values: Record<string, string | number>;
  /** A path without language prefix, e.g. `/requests/${id}`. */
  link: string;
  /** The actor who caused it is not told about their own act. */
  exceptUserId?: string | null;
}

/**
 * How a recipient is judged: as that person acting with every role they hold, second factor
 * passed. Being told that something exists is seeing it, so the safe-space rule applies as is.
 */
export function recipientActor(recipient: Recipient): Actor {
  return {
    kind: "user",
    userId: recipient.userId,
    displayName: recipient.displayName,
    sessionId: null,
    memberships: recipient.memberships,
    secondFactor: true,
  };
}

let environmentPublicUrl: string | null = null;
/**
 * The site's address as `main.ts` reads it, for callers that have no configuration at hand
 * (the contract gives `notify` only a transaction). Callers that have one pass it instead.
 */
function publicUrlOf(deps: { publicUrl?: string }): string {
  if (deps.publicUrl) return deps.publicUrl;
  environmentPublicUrl ??= loadConfig().publicUrl;
  return environmentPublicUrl;
}

/**
 * Tells the people concerned, inside the caller's transaction: one notification row each, and
 * for those who want it at once an email in their language in the outbox. Those who chose the
 * daily summary are left for the `notifications-digest` job (their row keeps `emailed_at` null).
 */
export async function notify(tx: Db, n: NotifyInput, deps: { publicUrl?: string } = {}): Promise<{ notified: number }> {
  // Programming errors, not user input: they fail the caller's tests rather than store a
  // notification that cannot be rendered or that links off the site.
  if (!isNotificationKind(n.kind)) throw new Error(`notify: unknown kind ${String(n.kind)}`);
  const missing = missingValues(n.kind, n.values);
  if (missing.length > 0) throw new Error(`notify ${n.kind}: missing values ${missing.join(", ")}`);
  if (!isSitePath(n.link)) throw new Error(`notify ${n.kind}: ${n.link} is not a path on this site`);

  const selectors = [...n.audience];
  if (n.includePriorRecipients)
    for (const userId of await selectPriorRecipientIds(tx, n.subject)) selectors.push({ userId });
  const candidates = await findRecipients(tx, selectors);
  const recipients = candidates.filter((r) => r.userId !== n.exceptUserId && canSee(recipientActor(r), n.record));
  if (recipients.length === 0) return { notified: 0 };

  const daily = await selectDailyReaders(
    tx,
    n.kind,
    recipients.map((r) => r.userId),
  );
  await insertNotifications(
    tx,
    recipients.map((r) => ({
      userId: r.userId,
      kind: n.kind,
      subjectType: n.subject.type,
      subjectId: n.subject.id,
      values: n.values,
      link: n.link,
      emailedAt: daily.has(r.userId) ? null : new Date(),
    })),
  );
  const publicUrl = recipients.some((r) => !daily.has(r.userId)) ? publicUrlOf(deps) : "";
  for (const r of recipients) {
    if (daily.has(r.userId)) continue;
    await enqueueMail(tx, {
      to: r.email,
      locale: r.locale,
      kind: "notification",
      values: {
        name: r.displayName,
        label: notificationLabel(r.locale, n.kind),
        text: notificationText(r.locale, n.kind, n.values),
        link: siteLink(publicUrl, r.locale, n.link),
        preferences: siteLink(publicUrl, r.locale, "/account/notifications"),
      },
    });
  }
  return { notified: recipients.length };
}
