import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { getIntl } from "../../../platform/i18n/messages";
import { enqueueMail } from "../../../platform/mail/outbox";
import { findRecipients } from "../../accounts";
import { notificationText, siteLink } from "../domain/render";
import { lockDigestNotifications, markEmailed, selectNextDigestReader } from "../store";

/** A summary lists this many; the rest are counted and wait in the notification centre. */
const LISTED = 50;

/**
 * The daily summary: for each person, one email listing their notifications that no email has
 * carried yet (those who chose "daily"), then marks them carried. One transaction per person,
 * rows locked and skipped by any concurrent run, so nobody is sent the same notification twice.
 */
export async function sendNotificationDigests(deps: {
  db: Db;
  config: Pick<Config, "publicUrl">;
  now?: () => Date;
}): Promise<{ emails: number; notifications: number }> {
  const before = deps.now?.() ?? new Date();
  let emails = 0;
  let carried = 0;
  let after: string | null = null;
  for (;;) {
    const userId = await selectNextDigestReader(deps.db, before, after);
    if (!userId) break;
    after = userId;
    const outcome = await deps.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      const due = await lockDigestNotifications(db, userId, before);
      if (due.length === 0) return { emailed: false, count: 0 };
      const [reader] = await findRecipients(db, [{ userId }]);
      // A closed account is written to no more; its rows are settled so they stop being due.
      if (reader) {
        const intl = getIntl(reader.locale);
        const lines = due
          .slice(0, LISTED)
          .map(
            (n) =>
              `• ${notificationText(reader.locale, n.kind, n.values)}\n  ${siteLink(deps.config.publicUrl, reader.locale, n.link)}`,
          );
        if (due.length > LISTED)
          lines.push(intl.formatMessage({ id: "notifications.digest.more" }, { more: due.length - LISTED }));
        await enqueueMail(db, {
          to: reader.email,
          locale: reader.locale,
          kind: "notification-digest",
          values: {
            name: reader.displayName,
            count: due.length,
            items: lines.join("\n\n"),
            centre: siteLink(deps.config.publicUrl, reader.locale, "/notifications"),
            preferences: siteLink(deps.config.publicUrl, reader.locale, "/account/notifications"),
          },
        });
      }
      await markEmailed(
        db,
        due.map((n) => n.id),
      );
      return { emailed: Boolean(reader), count: due.length };
    });
    if (outcome.emailed) {
      emails++;
      carried += outcome.count;
    }
  }
  return { emails, notifications: carried };
}
