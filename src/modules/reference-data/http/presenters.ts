import type { Locale } from "../../../platform/i18n/locales";
import type { Country } from "../domain/country";
import type { SdgGoalWithTargets } from "../domain/sdg";

/** A country as the public API shows it: every name, all codes, the flags with their date. */
export function presentCountry(c: Country) {
  return {
    iso3: c.iso3,
    iso2: c.iso2,
    m49: c.m49,
    unStatus: c.unStatus,
    regionalGroup: c.regionalGroup,
    ldc: c.statuses.includes("ldc"),
    lldc: c.statuses.includes("lldc"),
    sids: c.statuses.includes("sids"),
    developmentStatusAsOf: c.developmentStatusAsOf,
    names: c.names,
    formalNames: c.formalNames,
  };
}

/** A row of the `/countries` table: only the page's language, to keep the page light. */
export function presentCountryRow(c: Country, locale: Locale) {
  return {
    iso3: c.iso3,
    name: c.names[locale],
    unStatus: c.unStatus,
    regionalGroup: c.regionalGroup,
    statuses: c.statuses,
  };
}

export function presentSdgGoal(goal: SdgGoalWithTargets) {
  return {
    code: goal.code,
    short: goal.short,
    title: goal.title,
    targets: goal.targets.map((t) => ({
      code: t.code,
      title: t.title,
      ...(t.indicators.length > 0 ? { indicators: t.indicators.map((i) => ({ code: i.code, title: i.title })) } : {}),
    })),
  };
}
