import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Country } from "../domain/country";
import { isIso3 } from "../domain/country";
import { selectCountry } from "../store";

/** Looks a State up by ISO 3166 alpha-3, in any letter case; null when there is none. */
export async function getCountry({ iso3 }: { actor: Actor; iso3: string }, deps: { db: Db }): Promise<Country | null> {
  const code = iso3.toUpperCase();
  if (!isIso3(code)) return null;
  return selectCountry(deps.db, code);
}
