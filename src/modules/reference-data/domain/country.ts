import type { Locale, LocalizedText } from "../../../platform/i18n/locales";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";

/**
 * The five UN regional groups, in the order the General Assembly lists them.
 * Observer States (Holy See, State of Palestine) belong to none.
 */
export const REGIONAL_GROUPS = [
  "african",
  "asia-pacific",
  "eastern-european",
  "latin-american-caribbean",
  "western-european-other",
] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

/** Development categories that shape eligibility for support (UN-OHRLLS lists). */
export const DEVELOPMENT_STATUSES = ["ldc", "lldc", "sids"] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export type UnStatus = "member" | "observer";

export interface Country {
  iso3: string;
  iso2: string;
  m49: string;
  unStatus: UnStatus;
  regionalGroup: RegionalGroup | null;
  statuses: DevelopmentStatus[];
  developmentStatusAsOf: string;
  developmentStatusSource: "reference" | "secretariat";
  names: LocalizedText;
  formalNames: LocalizedText;
}

export interface CountryFilter {
  group?: RegionalGroup;
  status?: DevelopmentStatus;
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * Reads the `/countries` filter from query parameters. Unknown values are errors naming the
 * field (never silently ignored, so a mistyped link does not show a misleading full list).
 * Error values are message keys.
 */
export function parseCountryFilter(params: { group?: string | null; status?: string | null }): {
  filter: CountryFilter;
  errors: FieldErrors;
} {
  const filter: CountryFilter = {};
  const errors: FieldErrors = {};
  const group = params.group?.trim();
  const status = params.status?.trim();
  if (group) {
    if ((REGIONAL_GROUPS as readonly string[]).includes(group)) filter.group = group as RegionalGroup;
    else errors.group = "countries.filter.error.group";
  }
  if (status) {
    if ((DEVELOPMENT_STATUSES as readonly string[]).includes(status)) filter.status = status as DevelopmentStatus;
    else errors.status = "countries.filter.error.status";
  }
  return { filter, errors };
}

export function matchesFilter(country: Country, filter: CountryFilter): boolean {
  if (filter.group && country.regionalGroup !== filter.group) return false;
  if (filter.status && !country.statuses.includes(filter.status)) return false;
  return true;
}

/** Sorted as a reader of that language expects (Arabic, Cyrillic and Chinese collation differ). */
export function sortByName(list: Country[], locale: Locale): Country[] {
  const collator = new Intl.Collator(LANGUAGE_TAG[locale]);
  return [...list].sort((a, b) => collator.compare(a.names[locale], b.names[locale]));
}

export function isIso3(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
