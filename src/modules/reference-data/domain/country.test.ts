import { describe, expect, it } from "vitest";
import type { LocalizedText } from "../../../platform/i18n/locales";
import { type Country, matchesFilter, parseCountryFilter, sortByName } from "./country";

function country(iso3: string, overrides: Partial<Country> = {}): Country {
  const name = (n: string): LocalizedText => ({ ar: n, zh: n, en: n, fr: n, ru: n, es: n });
  return {
    iso3,
    iso2: iso3.slice(0, 2),
    m49: "000",
    unStatus: "member",
    regionalGroup: "african",
    statuses: [],
    developmentStatusAsOf: "2023-12-13",
    developmentStatusSource: "reference",
    names: name(iso3),
    formalNames: name(iso3),
    ...overrides,
  };
}

describe("parseCountryFilter", () => {
  it.each([
    [{}, {}, {}],
    [{ group: "asia-pacific" }, { group: "asia-pacific" }, {}],
    [{ status: "sids" }, { status: "sids" }, {}],
    [{ group: " african ", status: "ldc" }, { group: "african", status: "ldc" }, {}],
    [{ group: "" }, {}, {}],
    [{ group: "asia" }, {}, { group: "countries.filter.error.group" }],
    [{ status: "poor" }, {}, { status: "countries.filter.error.status" }],
    [
      { group: "x", status: "y" },
      {},
      { group: "countries.filter.error.group", status: "countries.filter.error.status" },
    ],
  ])("%o → filter %o, errors %o", (params, filter, errors) => {
    expect(parseCountryFilter(params)).toEqual({ filter, errors });
  });
});

describe("matchesFilter", () => {
  const fiji = country("FJI", { regionalGroup: "asia-pacific", statuses: ["sids"] });
  it.each([
    [{}, true],
    [{ group: "asia-pacific" as const }, true],
    [{ group: "african" as const }, false],
    [{ status: "sids" as const }, true],
    [{ status: "ldc" as const }, false],
    [{ group: "asia-pacific" as const, status: "sids" as const }, true],
    [{ group: "asia-pacific" as const, status: "lldc" as const }, false],
  ])("%o → %s", (filter, expected) => {
    expect(matchesFilter(fiji, filter)).toBe(expected);
  });

  it("never puts an observer State in a group", () => {
    expect(matchesFilter(country("VAT", { unStatus: "observer", regionalGroup: null }), { group: "african" })).toBe(
      false,
    );
  });
});

describe("sortByName", () => {
  it("sorts by the name in the reader's language, not by code", () => {
    const list = [
      country("AAA", { names: { ar: "ب", zh: "b", en: "Zambia", fr: "Zambie", ru: "Замбия", es: "Zambia" } }),
      country("ZZZ", { names: { ar: "أ", zh: "a", en: "Algeria", fr: "Algérie", ru: "Алжир", es: "Argelia" } }),
      country("MMM", { names: { ar: "ت", zh: "c", en: "Éire", fr: "Irlande", ru: "Ирландия", es: "Irlanda" } }),
    ];
    expect(sortByName(list, "en").map((c) => c.iso3)).toEqual(["ZZZ", "MMM", "AAA"]);
    expect(sortByName(list, "ru").map((c) => c.iso3)).toEqual(["ZZZ", "AAA", "MMM"]);
    expect(sortByName(list, "ar").map((c) => c.iso3)).toEqual(["ZZZ", "AAA", "MMM"]);
  });
});
