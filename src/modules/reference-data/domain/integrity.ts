import { LOCALES } from "../../../platform/i18n/locales";
import type { Country, RegionalGroup } from "./country";
import { REGIONAL_GROUPS } from "./country";

/**
 * Membership of the regional groups as the General Assembly records it (193 Member States).
 * A drift from these figures means the reference files or a correction went wrong.
 */
export const EXPECTED_GROUP_SIZES: Record<RegionalGroup, number> = {
  african: 54,
  "asia-pacific": 54,
  "eastern-european": 23,
  "latin-american-caribbean": 33,
  "western-european-other": 29,
};
export const EXPECTED_MEMBER_STATES = 193;
export const EXPECTED_OBSERVER_STATES = 2;
export const EXPECTED_SDG_GOALS = 17;
export const EXPECTED_SDG_TARGETS = 169;

export interface ReferenceSnapshot {
  countries: Country[];
  sdgGoalCount: number;
  sdgTargetCount: number;
  untranslatedGoals: number[];
}

export interface Finding {
  code: string;
  detail: string;
}

/** Pure check behind the nightly job; an empty list means the reference data is whole. */
export function checkReferenceIntegrity(s: ReferenceSnapshot): Finding[] {
  const findings: Finding[] = [];
  const members = s.countries.filter((c) => c.unStatus === "member");
  const observers = s.countries.filter((c) => c.unStatus === "observer");
  if (members.length !== EXPECTED_MEMBER_STATES)
    findings.push({
      code: "countries.members",
      detail: `${members.length} Member States, expected ${EXPECTED_MEMBER_STATES}`,
    });
  if (observers.length !== EXPECTED_OBSERVER_STATES)
    findings.push({
      code: "countries.observers",
      detail: `${observers.length} observer States, expected ${EXPECTED_OBSERVER_STATES}`,
    });
  for (const group of REGIONAL_GROUPS) {
    const size = members.filter((c) => c.regionalGroup === group).length;
    if (size !== EXPECTED_GROUP_SIZES[group])
      findings.push({
        code: "countries.group-size",
        detail: `${group}: ${size} members, expected ${EXPECTED_GROUP_SIZES[group]}`,
      });
  }
  for (const c of members.filter((m) => m.regionalGroup === null))
    findings.push({ code: "countries.no-group", detail: `${c.iso3} is a Member State with no regional group` });
  for (const c of observers.filter((o) => o.regionalGroup !== null))
    findings.push({
      code: "countries.observer-in-group",
      detail: `${c.iso3} is an observer but sits in ${c.regionalGroup}`,
    });
  for (const c of s.countries) {
    const missing = LOCALES.filter((l) => !c.names[l]?.trim());
    if (missing.length > 0)
      findings.push({ code: "countries.name-missing", detail: `${c.iso3} has no name in ${missing.join(", ")}` });
  }
  if (s.sdgGoalCount !== EXPECTED_SDG_GOALS)
    findings.push({ code: "sdg.goals", detail: `${s.sdgGoalCount} goals, expected ${EXPECTED_SDG_GOALS}` });
  if (s.sdgTargetCount !== EXPECTED_SDG_TARGETS)
    findings.push({ code: "sdg.targets", detail: `${s.sdgTargetCount} targets, expected ${EXPECTED_SDG_TARGETS}` });
  for (const g of s.untranslatedGoals)
    findings.push({ code: "sdg.untranslated", detail: `goal ${g} lacks a title in one of the six languages` });
  return findings;
}
