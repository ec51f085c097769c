import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "./kinds";
import { parsePreferencesForm, preferencesFrom } from "./preferences";

const allImmediate = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, "immediate"]));

describe("preferences", () => {
  it("default to an email at once for every kind without a stored choice", () => {
    expect(preferencesFrom([])).toEqual(allImmediate);
    expect(preferencesFrom([{ kind: "request-opened", delivery: "daily" }])).toEqual({
      ...allImmediate,
      "request-opened": "daily",
    });
  });

  it("ignore stored rows for kinds or deliveries this version does not know", () => {
    expect(
      preferencesFrom([
        { kind: "retired-kind", delivery: "daily" },
        { kind: "screening-due", delivery: "weekly" },
      ]),
    ).toEqual(allImmediate);
  });

  it.each([
    [{}, { value: allImmediate, problems: {} }],
    [
      { "screening-due": "daily", "request-withdrawn": "immediate" },
      { value: { ...allImmediate, "screening-due": "daily" }, problems: {} },
    ],
    [
      { "screening-due": "weekly", "request-opened": "never" },
      {
        value: null,
        problems: {
          "screening-due": { key: "notificationPreferences.error.delivery" },
          "request-opened": { key: "notificationPreferences.error.delivery" },
        },
      },
    ],
    [
      { "screening-due": "daily", "not-a-kind": "daily" },
      { value: { ...allImmediate, "screening-due": "daily" }, problems: {} },
    ],
  ])("read the form %j", (form, expected) => {
    expect(parsePreferencesForm(form)).toEqual(expected);
  });
});
