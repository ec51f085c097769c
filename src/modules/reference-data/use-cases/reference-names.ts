import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import { listCountries } from "./list-countries";
import { listSdgGoals } from "./list-sdg-goals";
import { listVocabularies } from "./list-vocabularies";

/**
 * Names by code, for pages that show the codes a record or a facet carries: States and SDG goals
 * in the reader's language, themes and affected persons in English (the vocabularies have no
 * other). A code without a name is the caller's to show as it is.
 */
export interface ReferenceNames {
  /** ISO alpha-3 → the State's short name. */
  states: Record<string, string>;
  themes: Record<string, string>;
  affectedPersons: Record<string, string>;
  /** Goal number ("5") → the goal's short title. */
  goals: Record<string, string>;
}

export async function referenceNames(
  { actor, locale }: { actor: Actor; locale: Locale },
  deps: { db: Db },
): Promise<ReferenceNames> {
  const [countries, vocabularies, goals] = await Promise.all([
    listCountries({ actor, filter: {}, locale }, deps),
    listVocabularies({ actor }, deps),
    listSdgGoals({ actor, withIndicators: false }, deps),
  ]);
  return {
    states: Object.fromEntries(countries.map((c) => [c.iso3, c.names[locale]])),
    themes: Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label])),
    affectedPersons: Object.fromEntries(vocabularies.affectedPersons.map((p) => [p.code, p.label])),
    goals: Object.fromEntries(goals.map((g) => [String(g.code), g.short[locale]])),
  };
}
