import { describe, expect, it } from "vitest";
import { isSameOffer, type KnownCodes, nextStatuses, type OfferForm, parseOfferForm } from "./offer";

const known: KnownCodes = {
  themes: new Set(["uhri:women", "uhri:torture"]),
  sdgTargets: new Set(["5.2", "16.3", "16.a"]),
  states: new Set(["FJI", "HND", "TON"]),
};
const valid: OfferForm = { title: "Legislative drafting support" };
const parse = (form: OfferForm) => parseOfferForm({ ...valid, ...form }, known);

describe("reading an offer", () => {
  it("needs only a title, and fills in the rest", () => {
    expect(parseOfferForm(valid, known)).toEqual({
      problems: {},
      value: {
        title: "Legislative drafting support",
        description: "",
        language: "en",
        themes: [],
        sdgTargets: [],
        supportKinds: [],
        workingLanguages: [],
        eligibleGroups: [],
        eligibleStatuses: [],
        eligibleStates: [],
        capacity: 1,
        contributionMinor: null,
        contributionCurrency: null,
        validFrom: null,
        validUntil: null,
        visibility: "providers",
        status: "open",
      },
    });
  });

  it("reads everything a provider may send, lists as repeated fields or text", () => {
    const { value } = parse({
      title: "  Training   for judges ",
      description: "Two weeks.\r\n\r\nIn Suva.",
      language: "fr",
      themes: ["uhri:women", "uhri:women", "uhri:torture"],
      sdgTargets: "5.2, 16.a",
      supportKinds: ["training", "expertise"],
      workingLanguages: ["fr", "en"],
      eligibleGroups: ["asia-pacific"],
      eligibleStatuses: ["sids"],
      eligibleStates: "hnd ton",
      capacity: "3",
      contributionAmount: "25,000.50",
      contributionCurrency: "usd",
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
      visibility: "public",
      status: "paused",
    });
    expect(value).toMatchObject({
      title: "Training for judges",
      description: "Two weeks.\n\nIn Suva.",
      themes: ["uhri:women", "uhri:torture"],
      sdgTargets: ["5.2", "16.a"],
      eligibleStates: ["HND", "TON"],
      capacity: 3,
      contributionMinor: 2_500_050,
      contributionCurrency: "USD",
      visibility: "public",
      status: "paused",
    });
  });

  it("keeps amounts whole in currencies without minor units", () => {
    expect(parse({ contributionAmount: "1000000", contributionCurrency: "JPY" }).value?.contributionMinor).toBe(
      1_000_000,
    );
    expect(parse({ contributionAmount: "10.5", contributionCurrency: "JPY" }).problems).toHaveProperty(
      "contributionAmount",
    );
  });

  it.each<[string, OfferForm, string, Record<string, string | number>?]>([
    ["no title", { title: "   " }, "title", { max: 200 }],
    ["a title too long", { title: "x".repeat(201) }, "title", { max: 200 }],
    ["a description too long", { description: "x".repeat(5001) }, "description", { max: 5000 }],
    ["a content language not in the list", { language: "xx" }, "language"],
    ["an unknown theme", { themes: ["uhri:women", "made-up"] }, "themes", { value: "made-up" }],
    ["an unknown SDG target", { sdgTargets: ["5.99"] }, "sdgTargets", { value: "5.99" }],
    ["an unknown kind of support", { supportKinds: ["advice"] }, "supportKinds", { value: "advice" }],
    ["an unknown working language", { workingLanguages: ["xx"] }, "workingLanguages", { value: "xx" }],
    ["an unknown regional group", { eligibleGroups: ["nordic"] }, "eligibleGroups", { value: "nordic" }],
    ["an unknown development status", { eligibleStatuses: ["mic"] }, "eligibleStatuses", { value: "mic" }],
    ["an unknown State", { eligibleStates: ["FJI", "XYZ"] }, "eligibleStates", { value: "XYZ" }],
    ["no capacity", { capacity: "0" }, "capacity", { min: 1, max: 1000 }],
    ["too much capacity", { capacity: 1001 }, "capacity", { min: 1, max: 1000 }],
    ["a fractional capacity", { capacity: "2.5" }, "capacity", { min: 1, max: 1000 }],
    ["an amount without currency", { contributionAmount: "100" }, "contributionCurrency"],
    ["a currency without amount", { contributionCurrency: "EUR" }, "contributionAmount"],
    ["an unknown currency", { contributionAmount: "100", contributionCurrency: "XXY" }, "contributionCurrency"],
    ["a negative amount", { contributionAmount: "-5", contributionCurrency: "EUR" }, "contributionAmount"],
    ["too many decimals", { contributionAmount: "5.123", contributionCurrency: "EUR" }, "contributionAmount"],
    ["a date that does not exist", { validFrom: "2026-02-30" }, "validFrom"],
    ["an end that is not a date", { validUntil: "next year" }, "validUntil"],
    ["an end before the start", { validFrom: "2026-06-01", validUntil: "2026-05-31" }, "validUntil"],
    ["an unknown tier", { visibility: "friends" }, "visibility"],
    ["an unknown status", { status: "archived" }, "status"],
  ])("names the field for %s", (_, form, field, values) => {
    const { value, problems } = parse(form);
    expect(value).toBeNull();
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toEqual(
      values ? { key: `offers.error.${field}`, values } : { key: `offers.error.${field}` },
    );
  });

  it("accepts a period of one day and periods open at either end", () => {
    for (const period of [
      { validFrom: "2026-05-31", validUntil: "2026-05-31" },
      { validFrom: "2026-05-31" },
      { validUntil: "2026-05-31" },
    ])
      expect(parse(period).problems).toEqual({});
  });
});

describe("changes and statuses", () => {
  it("sees a change in any field, and none when the same content is sent again", () => {
    const a = parse({ themes: ["uhri:women"] }).value!;
    expect(isSameOffer(a, parse({ themes: ["uhri:women"] }).value!)).toBe(true);
    expect(isSameOffer(a, parse({ themes: ["uhri:torture"] }).value!)).toBe(false);
    expect(isSameOffer(a, parse({ themes: ["uhri:women"], capacity: 2 }).value!)).toBe(false);
  });

  it.each([
    ["open", ["paused", "closed"]],
    ["paused", ["open", "closed"]],
    ["closed", ["open", "paused"]],
  ] as const)("offers the owner of an offer %s the buttons %j", (status, next) => {
    expect(nextStatuses(status)).toEqual(next);
  });
});
