import { useIntl } from "react-intl";
import { LANGUAGE_TAG, type Locale } from "../i18n/locales";
import type { MessageKey } from "../i18n/messages";

type Values = Record<string, string | number | Date>;

/** Typed message lookup: a key missing from the English catalogue fails the typecheck. */
export function useT(): (key: MessageKey, values?: Values) => string {
  const intl = useIntl();
  return (key, values) => intl.formatMessage({ id: key }, values);
}

export function useLocale(): Locale {
  return useIntl().locale.slice(0, 2) as Locale;
}

/** Links stay in the reader's language: `/countries` → `/fr/countries`. */
export function useHref(): (path: string) => string {
  const locale = useLocale();
  return (path) => `/${locale}${path === "/" ? "" : path}`;
}

/** Dates leave the loader as ISO strings and are shown in UTC, so every reader sees the same day. */
export function useDate(): (iso: string) => string {
  const format = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  return (iso) => format.format(new Date(iso));
}
