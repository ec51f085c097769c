import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { LOCALES } from "../../../platform/i18n/locales";
import type { Finding } from "../domain/integrity";
import { checkReferenceIntegrity } from "../domain/integrity";
import { countSdgs, selectCountries } from "../store";

/** Reads the reference tables and reports what is missing or inconsistent (the nightly job). */
export async function checkReferenceData(_input: { actor: Actor }, deps: { db: Db }): Promise<Finding[]> {
  const [countries, sdgs] = await Promise.all([selectCountries(deps.db), countSdgs(deps.db)]);
  return checkReferenceIntegrity({
    countries,
    sdgGoalCount: sdgs.goals.length,
    sdgTargetCount: sdgs.targetCount,
    untranslatedGoals: sdgs.goals.filter((g) => LOCALES.some((l) => !g.title[l]?.trim())).map((g) => g.code),
  });
}
