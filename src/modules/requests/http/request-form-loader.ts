import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import { listClusters } from "../../recommendations";
import { classificationChoices } from "../../reference-data";

/** What the request form offers to choose from: themes, SDG targets, and the State's own clusters. */
export async function formChoices(
  input: { actor: Actor; locale: Locale; stateIso3: string; organisationId: string },
  deps: { db: Db },
) {
  const [classification, clusters] = await Promise.all([
    classificationChoices(input, deps),
    listClusters({ actor: input.actor, stateIso3: input.stateIso3 }, deps),
  ]);
  return {
    ...classification,
    clusters: clusters
      .filter((c) => c.organisationId === input.organisationId)
      .map((c) => ({ id: c.id, name: c.name })),
  };
}
