import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { LANGUAGE_TAG, LOCALES } from "../../../platform/i18n/locales";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { detectFormat, readImportFile } from "./import-file";
import { type Item10Vocabularies, normaliseHeader, parseItem10Row, unknownColumns } from "./item10-format";
import { PROBLEM_ARGUMENTS, PROBLEM_CODES, type ProblemCode, problemMessageKey, rowProblem } from "./recommendation";

const vocabularies: Item10Vocabularies = {
  states: new Set(["NOR", "FJI", "SVN"]),
  bodies: new Set(["CEDAW", "sr-housing"]),
  themeLabels: new Map([["women's rights", "upr-info:womens-rights"]]),
  themeCodes: new Set(["upr-info:womens-rights", "uhri:violence-against-women"]),
  affectedPersons: new Map([
    ["women", "women"],
    ["children", "children"],
  ]),
  sdgTargets: new Set(["5.2", "16.a", "16.10"]),
};

const row = (overrides: Record<string, unknown> = {}) => ({
  mechanism: "upr",
  cycle: "3",
  session: "34",
  year: "2019",
  document_symbol: "A/HRC/43/4",
  paragraph: "110.3",
  state_under_review: "nor",
  recommending_states: "FJI; SVN",
  text: "  Take further   steps to eliminate violence against women. ",
  response: "Supported in part",
  themes: "Women's Rights",
  theme_codes: "uhri:violence-against-women",
  affected_persons: "Women",
  sdgs: "5.2;16.A;5",
  ...overrides,
});

describe("an item10 row", () => {
  it("becomes a recommendation with codes resolved, case and spacing forgiven", () => {
    const { value, problems } = parseItem10Row(row(), 2, vocabularies);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      kind: "recommendation",
      mechanism: "upr",
      stateUnderReview: "NOR",
      recommendingStates: ["FJI", "SVN"],
      text: "Take further steps to eliminate violence against women.",
      language: "en",
      response: "supported-in-part",
      themes: ["upr-info:womens-rights", "uhri:violence-against-women"],
      affectedPersons: ["women"],
      sdgs: ["5.2", "5", "16.a", "16"],
      cycle: 3,
      session: 34,
    });
  });

  it("names the line and field of every problem", () => {
    const { value, problems } = parseItem10Row(
      row({
        state_under_review: "XXX",
        text: " ",
        response: "maybe",
        sdgs: "5.2;five;5.99",
        recommending_states: "ZZZ",
      }),
      7,
      vocabularies,
    );
    expect(value).toBeNull();
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [7, "state_under_review"],
      [7, "recommending_states"],
      [7, "text"],
      [7, "response"],
      [7, "sdgs"],
      [7, "sdgs"],
    ]);
    expect(problems.find((p) => p.message.includes("five"))?.message).toMatch(/malformed SDG code/);
    expect(problems.find((p) => p.message.includes("5.99"))?.message).toMatch(/no such SDG target/);
    expect(problems.map((p) => [p.code, p.values])).toEqual([
      ["unknown-country-iso3", { value: "XXX" }],
      ["unknown-country", { value: "ZZZ" }],
      ["empty-text", {}],
      ["unknown-response", { value: "maybe" }],
      ["malformed-sdg", { value: "five" }],
      ["unknown-sdg-target", { value: "5.99" }],
    ]);
  });

  it("keys a row by what identifies it in its document, so a corrected response matches it again", () => {
    const first = parseItem10Row(row(), 2, vocabularies).value!;
    const corrected = parseItem10Row(row({ response: "noted", themes: "" }), 2, vocabularies).value!;
    const other = parseItem10Row(row({ paragraph: "110.4" }), 3, vocabularies).value!;
    expect(corrected.key).toBe(first.key);
    expect(other.key).not.toBe(first.key);
    expect(parseItem10Row(row({ key: "nor-2019-110.3" }), 2, vocabularies).value!.key).toBe("nor-2019-110.3");
  });

  it("takes lists and numbers from JSON Lines as they come", () => {
    const { value } = parseItem10Row(
      row({ cycle: 3, recommending_states: ["FJI"], sdgs: ["5"], theme_codes: [] }),
      1,
      vocabularies,
    );
    expect(value).toMatchObject({ cycle: 3, recommendingStates: ["FJI"], sdgs: ["5"] });
  });

  it("asks Treaty Body and Special Procedures rows for their body, and refuses recommending States on them", () => {
    const tb = { mechanism: "Treaty body", state_under_review: "NOR", text: "Adopt a plan." };
    expect(parseItem10Row(tb, 4, vocabularies).problems).toEqual([
      expect.objectContaining({ field: "body", message: expect.stringMatching(/required/) }),
    ]);
    expect(parseItem10Row({ ...tb, body: "CEDAW" }, 4, vocabularies).value).toMatchObject({
      mechanism: "treaty-body",
      body: "CEDAW",
      response: null,
    });
    expect(parseItem10Row({ ...tb, body: "CEDAW", recommending_states: "FJI" }, 4, vocabularies).problems).toEqual([
      expect.objectContaining({ field: "recommending_states" }),
    ]);
    expect(parseItem10Row({ ...tb, body: "XYZ" }, 4, vocabularies).problems[0]?.message).toMatch(/unknown/);
  });

  it("makes a voluntary pledge its own kind", () => {
    expect(parseItem10Row(row({ response: "Voluntary pledge" }), 2, vocabularies).value).toMatchObject({
      kind: "voluntary-pledge",
      response: null,
    });
  });
});

describe("an import file", () => {
  it("is told apart by its name and its header", () => {
    expect(detectFormat("a.jsonl", "{}")).toBe("item10-jsonl");
    expect(detectFormat("a.ndjson.gz", "{}")).toBe("item10-jsonl");
    expect(detectFormat("a.csv", "id,session,sur_iso3,text\n")).toBe("upr-info");
    expect(detectFormat("a.csv", "mechanism,state_under_review,text\n")).toBe("item10-csv");
  });

  it("matches headers case-insensitively and lists the unknown ones", () => {
    expect(normaliseHeader(" State Under-Review ")).toBe("state_under_review");
    const file = readImportFile("item10-csv", "Mechanism,STATE_UNDER_REVIEW,Text,Notes\nupr,NOR,Do it,x\n");
    expect(file.rows).toEqual([
      { line: 2, record: { mechanism: "upr", state_under_review: "NOR", text: "Do it", notes: "x" } },
    ]);
    expect(unknownColumns(file.headers)).toEqual(["Notes"]);
  });

  it("reports the line of CSV it cannot read, and of a JSON line that is not an object", () => {
    const csv = readImportFile("item10-csv", 'mechanism,text\nupr,"ok"\nupr,"unclosed\n');
    expect(csv.problems).toEqual([expect.objectContaining({ field: "(file)", line: 3 })]);
    const jsonl = readImportFile("item10-jsonl", '{"text":"a"}\n\n[1]\n{bad\n');
    expect(jsonl.rows).toHaveLength(1);
    expect(jsonl.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(csv.problems[0]).toMatchObject({ code: "unreadable-csv", values: { detail: expect.any(String) } });
    expect(jsonl.problems.map((p) => p.code)).toEqual(["not-json-object", "invalid-json"]);
  });
});

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.plural || e.type === TYPE.select)
      into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** What a file could put in each argument: its own text, or numbers for lines and bounds. */
const SAMPLE: Record<string, string | number> = {
  value: "XYZ",
  detail: "Invalid Closing Quote",
  allowed: "upr, treaty-body",
  line: 12,
  min: 1,
  max: 20,
};

describe("an import problem", () => {
  const cases = LOCALES.flatMap((locale) => PROBLEM_CODES.map((code) => [locale, code] as const));

  it.each(cases)("reads in %s for %s, with the arguments the code supplies", (locale, code) => {
    const message = CATALOGUES[locale][problemMessageKey(code)];
    expect(message?.trim()).toBeTruthy();
    expect([...argumentsOf(parse(message))].sort()).toEqual([...PROBLEM_ARGUMENTS[code]].sort());
    const errors: unknown[] = [];
    const intl = createIntl({
      locale: LANGUAGE_TAG[locale],
      messages: CATALOGUES[locale],
      onError: (e) => errors.push(e),
    });
    const values = Object.fromEntries(PROBLEM_ARGUMENTS[code].map((a) => [a, SAMPLE[a]!]));
    const text = intl.formatMessage({ id: problemMessageKey(code) }, values);
    expect(errors).toEqual([]);
    for (const v of Object.values(values)) expect(text).toContain(String(v));
  });

  // The command line and the tests of earlier runs read these exact words.
  it.each<[ProblemCode, Record<string, string | number>, string]>([
    ["unreadable-csv", { detail: "Invalid Closing Quote" }, "not readable as CSV: Invalid Closing Quote"],
    ["duplicate-key", { line: 1234 }, "same recommendation as line 1234"],
    ["not-whole-number", { value: "1900", min: 1946, max: 2100 }, 'not a whole number from 1946 to 2100: "1900"'],
    [
      "unknown-mechanism",
      { value: "UN", allowed: "upr, treaty-body, special-procedure" },
      'unknown mechanism: "UN" (one of upr, treaty-body, special-procedure)',
    ],
    [
      "unknown-language",
      { value: "de", allowed: "ar, zh, en, fr, ru, es" },
      'not one of the UN languages ar, zh, en, fr, ru, es: "de"',
    ],
    ["malformed-action-category", { value: "9" }, 'not an action category 1–5: "9"'],
    ["malformed-key", {}, "3 to 120 letters, digits or . : - _ characters (a key is part of a web address)"],
  ])("%s keeps its English wording", (code, values, english) => {
    expect(rowProblem(5, "f", code, ...([values] as [never])).message).toBe(english);
  });

  it("names a number out of bounds with its bounds, unformatted", () => {
    const { problems } = parseItem10Row(row({ year: "1900" }), 3, vocabularies);
    expect(problems).toEqual([
      {
        line: 3,
        field: "year",
        code: "not-whole-number",
        values: { value: "1900", min: 1946, max: 2100 },
        message: 'not a whole number from 1946 to 2100: "1900"',
      },
    ]);
  });
});
