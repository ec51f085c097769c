import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import type { Country, CountryFilter } from "../domain/country";
import { matchesFilter, sortByName } from "../domain/country";
import { selectCountries } from "../store";

/** Reference data is public: every actor, signed in or not, may read it. */
export async function listCountries(
  { filter, locale }: { actor: Actor; filter: CountryFilter; locale: Locale },
  deps: { db: Db },
): Promise<Country[]> {
  const all = await selectCountries(deps.db);
  return sortByName(
    all.filter((c) => matchesFilter(c, filter)),
    locale,
  );
}
