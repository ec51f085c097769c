import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import { listSdgGoals } from "./list-sdg-goals";
import { listVocabularies } from "./list-vocabularies";

/**
 * The themes and SDG targets a form offers to tag a record with (ThemesField, SdgTargetsField):
 * goal and target titles in the reader's language, theme labels in English.
 */
export async function classificationChoices({ actor, locale }: { actor: Actor; locale: Locale }, deps: { db: Db }) {
  const [vocabularies, goals] = await Promise.all([
    listVocabularies({ actor }, deps),
    listSdgGoals({ actor, withIndicators: false }, deps),
  ]);
  return {
    themes: vocabularies.themes.map((t) => ({ code: t.code, label: t.label })),
    goals: goals.map((g) => ({
      code: g.code,
      short: g.short[locale],
      targets: g.targets.map((t) => ({ code: t.code, title: t.title[locale] })),
    })),
  };
}
