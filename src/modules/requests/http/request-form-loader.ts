import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import { listClusters } from "../../recommendations";
import { listSdgGoals, listVocabularies } from "../../reference-data";

/** What the request form offers to choose from: themes, SDG targets, and the State's own clusters. */
export async function formChoices(
  input: { actor: Actor; locale: Locale; stateIso3: string; organisationId: string },
  deps: { db: Db },
) {
  const [vocabularies, goals, clusters] = await Promise.all([
    listVocabularies({ actor: input.actor }, deps),
    listSdgGoals({ actor: input.actor, withIndicators: false }, deps),
    listClusters({ actor: input.actor, stateIso3: input.stateIso3 }, deps),
  ]);
  return {
    themes: vocabularies.themes.map((t) => ({ code: t.code, label: t.label })),
    goals: goals.map((g) => ({
      code: g.code,
      short: g.short[input.locale],
      targets: g.targets.map((t) => ({ code: t.code, title: t.title[input.locale] })),
    })),
    clusters: clusters
      .filter((c) => c.organisationId === input.organisationId)
      .map((c) => ({ id: c.id, name: c.name })),
  };
}
