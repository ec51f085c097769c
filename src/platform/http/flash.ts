import type { Locale } from "../i18n/locales";
import { CATALOGUES, getIntl, type MessageKey } from "../i18n/messages";
import { readCookie } from "../i18n/negotiate";

const FLASH_COOKIE = "item10_flash";

/**
 * A one-time notice carried across a POST → redirect, in a short-lived cookie (no server
 * session, so any app process can show it). It holds a catalogue key, never free text:
 * the cookie is client-controlled, and only our own messages may appear on the page.
 */
export function flashCookie(key: MessageKey): string {
  return `${FLASH_COOKIE}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=120`;
}

export function readFlash(
  cookieHeader: string | null,
  locale: Locale,
): { message: string | null; clear: string | null } {
  const key = readCookie(cookieHeader, FLASH_COOKIE);
  if (key === null) return { message: null, clear: null };
  const clear = `${FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  if (!Object.hasOwn(CATALOGUES.en, key)) return { message: null, clear };
  return { message: getIntl(locale).formatMessage({ id: key }), clear };
}
