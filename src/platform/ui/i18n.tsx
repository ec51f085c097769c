import { useIntl } from "react-intl";
import type { Locale } from "../i18n/locales";
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
