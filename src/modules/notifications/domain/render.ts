import type { Locale } from "../../../platform/i18n/locales";
import { getIntl } from "../../../platform/i18n/messages";
import { isNotificationKind, NOTIFICATION_MESSAGES } from "./kinds";

/**
 * A stored notification in the reader's language. A kind this version no longer knows (left by
 * an older one) still reads as something rather than failing the whole list.
 */
export function notificationText(locale: Locale, kind: string, values: Record<string, string | number>): string {
  const intl = getIntl(locale);
  if (!isNotificationKind(kind)) return intl.formatMessage({ id: "notifications.unknownKind" });
  return intl.formatMessage({ id: NOTIFICATION_MESSAGES[kind].text }, values);
}

export function notificationLabel(locale: Locale, kind: string): string {
  const intl = getIntl(locale);
  if (!isNotificationKind(kind)) return intl.formatMessage({ id: "notifications.unknownKind" });
  return intl.formatMessage({ id: NOTIFICATION_MESSAGES[kind].label });
}

/** The absolute address of a page in the reader's language, for email (`PUBLIC_URL/fr/requests/…`). */
export function siteLink(publicUrl: string, locale: Locale, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/${locale}${path === "/" ? "" : path}`;
}
