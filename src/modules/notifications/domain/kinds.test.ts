import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../platform/i18n/locales";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { isSitePath, missingValues, NOTIFICATION_KINDS, NOTIFICATION_MESSAGES, NOTIFICATION_VALUES } from "./kinds";
import { notificationText, siteLink } from "./render";

describe.each(NOTIFICATION_KINDS)("the %s notification", (kind) => {
  it("names in its message exactly the values notify requires", () => {
    const names = parse(CATALOGUES.en[NOTIFICATION_MESSAGES[kind].text])
      .filter((e) => e.type === TYPE.argument || e.type === TYPE.select)
      .map((e) => (e as { value: string }).value);
    expect(names.sort()).toEqual([...NOTIFICATION_VALUES[kind]].sort());
  });

  it.each(LOCALES)("reads in %s with the record's title as given", (locale) => {
    // Values a message only selects on (a step's name) are translated, not shown as given.
    const shown = parse(CATALOGUES.en[NOTIFICATION_MESSAGES[kind].text])
      .filter((e) => e.type === TYPE.argument)
      .map((e) => (e as { value: string }).value);
    const values = Object.fromEntries(NOTIFICATION_VALUES[kind].map((v) => [v, `‹${v}›`]));
    const text = notificationText(locale, kind, values);
    for (const v of shown) expect(text).toContain(`‹${v}›`);
    expect(text).not.toContain("{");
  });
});

describe("checks on what notify is given", () => {
  it.each([
    ["request-returned", { title: "Prison reform" }, ["reason"]],
    ["request-returned", { title: "Prison reform", reason: "" }, ["reason"]],
    ["request-returned", { title: "Prison reform", reason: "Outside the mandate" }, []],
    ["request-matches-offer", { title: "A", offer: 0 }, []],
    ["screening-due", {}, ["title"]],
  ] as const)("%s with %j lacks %j", (kind, values, missing) => {
    expect(missingValues(kind, values)).toEqual(missing);
  });

  it.each([
    ["/requests/5f0c", true],
    ["/", true],
    ["/requests/5f0c?tab=screening", true],
    ["//evil.example/x", false],
    ["/\\evil.example", false],
    ["https://evil.example/", false],
    ["requests/5f0c", false],
    ["/fr/requests/5f0c", false],
    ["/en", false],
    ["/requests/ 5f0c", false],
    ["/english-page", true],
  ])("%s is a site path: %s", (link, expected) => {
    expect(isSitePath(link)).toBe(expected);
  });

  it("builds an absolute link in the reader's language, whatever the address's trailing slash", () => {
    expect(siteLink("https://item10.example/", "fr", "/requests/1")).toBe("https://item10.example/fr/requests/1");
    expect(siteLink("http://localhost:3000", "ar", "/")).toBe("http://localhost:3000/ar");
  });

  it("shows a kind this version no longer knows as something, not an error", () => {
    expect(notificationText("es", "retired-kind", {})).toBe(CATALOGUES.es["notifications.unknownKind"]);
  });
});
