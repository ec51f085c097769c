import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { listCountries } from "./list-countries";
import { listSdgGoals } from "./list-sdg-goals";
import { listVocabularies } from "./list-vocabularies";

/** The codes a form may use, as sets: what request, offer and update forms check their choices against. */
export interface KnownCodes {
  themes: ReadonlySet<string>;
  sdgTargets: ReadonlySet<string>;
  /** ISO alpha-3 codes of States and observers. */
  states: ReadonlySet<string>;
}

export async function knownCodes({ actor }: { actor: Actor }, deps: { db: Db }): Promise<KnownCodes> {
  const [vocabularies, goals, countries] = await Promise.all([
    listVocabularies({ actor }, deps),
    listSdgGoals({ actor, withIndicators: false }, deps),
    listCountries({ actor, filter: {}, locale: "en" }, deps),
  ]);
  return {
    themes: new Set(vocabularies.themes.map((t) => t.code)),
    sdgTargets: new Set(goals.flatMap((goal) => goal.targets.map((t) => t.code))),
    states: new Set(countries.map((c) => c.iso3)),
  };
}
