import type { MessageKey } from "../../../platform/i18n/messages";
import type { GapLevel } from "../domain/gap-map";
import type { ThemeFamily } from "../domain/theme-families";
import type { ReasonCode } from "../domain/weights";

/** Catalogue keys for the matching vocabularies, so every page names reasons and families alike. */
export const REASON_LABEL = {
  theme: "matching.reason.theme",
  "theme-family": "matching.reason.theme-family",
  "recommendation-theme": "matching.reason.recommendation-theme",
  "sdg-target": "matching.reason.sdg-target",
  "support-kind": "matching.reason.support-kind",
  language: "matching.reason.language",
  "provider-type": "matching.reason.provider-type",
  timing: "matching.reason.timing",
  capacity: "matching.reason.capacity",
  text: "matching.reason.text",
} as const satisfies Record<ReasonCode, MessageKey>;

export const REASON_HELP = {
  theme: "matching.reason.theme.help",
  "theme-family": "matching.reason.theme-family.help",
  "recommendation-theme": "matching.reason.recommendation-theme.help",
  "sdg-target": "matching.reason.sdg-target.help",
  "support-kind": "matching.reason.support-kind.help",
  language: "matching.reason.language.help",
  "provider-type": "matching.reason.provider-type.help",
  timing: "matching.reason.timing.help",
  capacity: "matching.reason.capacity.help",
  text: "matching.reason.text.help",
} as const satisfies Record<ReasonCode, MessageKey>;

export const FAMILY_LABEL = {
  children: "matching.family.children",
  disability: "matching.family.disability",
  equality: "matching.family.equality",
  "women-gender": "matching.family.women-gender",
  "migration-displacement": "matching.family.migration-displacement",
  "trafficking-slavery": "matching.family.trafficking-slavery",
  "detention-torture": "matching.family.detention-torture",
  justice: "matching.family.justice",
  "awareness-data": "matching.family.awareness-data",
  "institutions-law": "matching.family.institutions-law",
  "civic-freedoms": "matching.family.civic-freedoms",
  "economic-social-cultural": "matching.family.economic-social-cultural",
  "mechanisms-cooperation": "matching.family.mechanisms-cooperation",
  "development-environment": "matching.family.development-environment",
  "security-humanitarian": "matching.family.security-humanitarian",
} as const satisfies Record<ThemeFamily, MessageKey>;

export const GAP_LEVEL_LABEL = {
  "no-demand": "gaps.level.no-demand",
  covered: "gaps.level.covered",
  short: "gaps.level.short",
  unmet: "gaps.level.unmet",
  unclear: "gaps.level.unclear",
} as const satisfies Record<GapLevel, MessageKey>;
