import { expect, it } from "vitest";
import type { LocalizedText } from "../../../platform/i18n/locales";
import type { Country, RegionalGroup } from "./country";
import { checkReferenceIntegrity, EXPECTED_GROUP_SIZES, type ReferenceSnapshot } from "./integrity";

const names: LocalizedText = { ar: "س", zh: "国", en: "X", fr: "X", ru: "Х", es: "X" };

function members(): Country[] {
  const list: Country[] = [];
  for (const [group, size] of Object.entries(EXPECTED_GROUP_SIZES)) {
    for (let i = 0; i < size; i++)
      list.push({
        iso3: `${group.slice(0, 1).toUpperCase()}${String(i).padStart(2, "0")}`,
        iso2: "XX",
        m49: "000",
        unStatus: "member",
        regionalGroup: group as RegionalGroup,
        statuses: [],
        developmentStatusAsOf: "2023-12-13",
        developmentStatusSource: "reference",
        names,
        formalNames: names,
      });
  }
  return list;
}

function whole(): ReferenceSnapshot {
  const observers: Country[] = ["VAT", "PSE"].map((iso3) => ({
    ...members()[0]!,
    iso3,
    unStatus: "observer",
    regionalGroup: null,
  }));
  return { countries: [...members(), ...observers], sdgGoalCount: 17, sdgTargetCount: 169, untranslatedGoals: [] };
}

it("finds nothing wrong with complete reference data", () => {
  expect(checkReferenceIntegrity(whole())).toEqual([]);
});

it.each<[string, (s: ReferenceSnapshot) => void, string[]]>([
  ["a Member State lost", (s) => s.countries.splice(0, 1), ["countries.members", "countries.group-size"]],
  ["an observer lost", (s) => s.countries.pop(), ["countries.observers"]],
  [
    "a member without a group",
    (s) => {
      s.countries[0]!.regionalGroup = null;
    },
    ["countries.group-size", "countries.no-group"],
  ],
  [
    "an observer in a group",
    (s) => {
      s.countries.at(-1)!.regionalGroup = "african";
    },
    ["countries.observer-in-group"],
  ],
  [
    "a missing Arabic name",
    (s) => {
      s.countries[3] = { ...s.countries[3]!, names: { ...names, ar: " " } };
    },
    ["countries.name-missing"],
  ],
  [
    "a missing SDG target",
    (s) => {
      s.sdgTargetCount = 168;
    },
    ["sdg.targets"],
  ],
  [
    "an untranslated goal",
    (s) => {
      s.untranslatedGoals = [16];
    },
    ["sdg.untranslated"],
  ],
])("reports %s", (_label, damage, codes) => {
  const snapshot = whole();
  damage(snapshot);
  expect(checkReferenceIntegrity(snapshot).map((f) => f.code)).toEqual(codes);
});
