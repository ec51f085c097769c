import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { CATALOGUES } from "./messages";

const english = CATALOGUES.en;
const keys = Object.keys(english).sort();

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
      into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe.each(LOCALES)("the %s catalogue", (locale) => {
  const catalogue = CATALOGUES[locale];

  it("has exactly the keys of the English catalogue", () => {
    expect(Object.keys(catalogue).sort()).toEqual(keys);
  });

  it.each(keys)("%s is valid ICU with the same arguments as English", (key) => {
    const message = catalogue[key as keyof typeof catalogue];
    expect(message?.trim()).toBeTruthy();
    const args = argumentsOf(parse(message));
    expect([...args].sort()).toEqual([...argumentsOf(parse(english[key as keyof typeof english]))].sort());
  });
});

// A catalogue copied from English and never translated would pass the key check.
// Words that are truly the same in a language are listed here, one by one.
const SAME_AS_ENGLISH: Partial<Record<string, string[]>> = {
  fr: [
    "pagination.label",
    "pagination.page",
    "countries.table.iso3",
    "country.codes",
    "secondFactor.code",
    "account.organisation",
    "role.expert",
    "audit.filter.organisation",
    "audit.action",
    "invite.organisation",
    "nav.organisations",
    "adminOrganisations.title",
    "nav.invitations",
    "facet.cycle",
    "search.cycleValue",
    "search.when",
    "facet.session",
    "search.sessionValue",
    "import.format",
    "supportKind.expertise",
  ],
  es: ["organisation.no"],
};

/** A message made only of its values and punctuation ("{n}. {text}") has nothing to translate. */
const onlyValues = (message: string) => /^[\s\p{P}]*$/u.test(message.replace(/\{[^{}]*\}/g, ""));

it.each(LOCALES.filter((l) => l !== "en"))("%s is a translation, not a copy of English", (locale) => {
  const same = keys.filter(
    (k) =>
      CATALOGUES[locale][k as keyof typeof english] === english[k as keyof typeof english] &&
      !onlyValues(english[k as keyof typeof english]),
  );
  expect(same.sort()).toEqual([...(SAME_AS_ENGLISH[locale] ?? [])].sort());
});
