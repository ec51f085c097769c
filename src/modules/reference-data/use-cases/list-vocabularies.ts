import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { selectAffectedPersons, selectThemes } from "../store";

/** The controlled vocabularies requests, offers and recommendations are tagged with. Public. */
export async function listVocabularies(_input: { actor: Actor }, deps: { db: Db }) {
  const [themes, affectedPersons] = await Promise.all([selectThemes(deps.db), selectAffectedPersons(deps.db)]);
  return {
    themes: themes.map((t) => ({ code: t.code, scheme: t.scheme, label: t.label, legacyCode: t.legacyCode })),
    affectedPersons: affectedPersons.map((p) => ({ code: p.code, label: p.label })),
  };
}
