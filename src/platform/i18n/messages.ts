import { createIntl, createIntlCache, type IntlShape } from "react-intl";
import type { Locale } from "./locales";
import { LANGUAGE_TAG } from "./locales";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import ru from "./messages/ru.json";
import zh from "./messages/zh.json";

/** English is the source catalogue; every key must exist in all six (checked by `catalogues.test.ts`). */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Record<Locale, Catalogue> = { ar, zh, en, fr, ru, es };

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

/** One formatter per locale, shared by pages, the API and (later) email. */
export function getIntl(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale: LANGUAGE_TAG[locale], messages: CATALOGUES[locale], defaultLocale: "en" }, cache);
    intls.set(locale, intl);
  }
  return intl;
}
