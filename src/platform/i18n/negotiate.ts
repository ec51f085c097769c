import type { Locale } from "./locales";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "./locales";

export const LOCALE_COOKIE = "item10_lang";

/** Splits `/fr/countries` into `fr` and `/countries`; a path without a locale prefix keeps its whole self. */
export function splitLocalePrefix(pathname: string): { locale: Locale | null; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], rest: match[2] || "/" };
  return { locale: null, rest: pathname };
}

/** Picks the best of our locales from an Accept-Language header, honouring q-values. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/**
 * The locale for a request: the URL prefix decides; otherwise the remembered choice;
 * otherwise the browser's preference; otherwise English.
 */
export function negotiateLocale(input: { pathname: string; cookie?: string | null; acceptLanguage?: string | null }): {
  locale: Locale;
  prefixed: boolean;
} {
  const { locale } = splitLocalePrefix(input.pathname);
  if (locale) return { locale, prefixed: true };
  const remembered = readCookie(input.cookie, LOCALE_COOKIE);
  if (isLocale(remembered)) return { locale: remembered, prefixed: false };
  return { locale: fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE, prefixed: false };
}

/** The same page in another language: `/fr/countries?group=african` → `/ar/countries?group=african`. */
export function localizedPath(locale: Locale, pathname: string, search = ""): string {
  const { rest } = splitLocalePrefix(pathname);
  return `/${locale}${rest === "/" ? "" : rest}${search}`;
}

export { LOCALES };
