/**
 * The six official UN languages, in the UN's own order of presentation
 * (alphabetical by English name: Arabic, Chinese, English, French, Russian, Spanish).
 * Pure data: domain code may import this file.
 */
export const LOCALES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Text that exists in every UN language, such as a country name or an SDG title. */
export type LocalizedText = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** BCP 47 tags for `Intl` and the `lang` attribute; Chinese at the UN is Simplified. */
export const LANGUAGE_TAG: Record<Locale, string> = {
  ar: "ar",
  zh: "zh-Hans",
  en: "en",
  fr: "fr",
  ru: "ru",
  es: "es",
};

/** Each language's name in itself, for the language switcher. */
export const ENDONYM: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};
