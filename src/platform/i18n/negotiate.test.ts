import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, localizedPath, negotiateLocale, readCookie, splitLocalePrefix } from "./negotiate";

describe("splitLocalePrefix", () => {
  it.each([
    ["/fr/countries", "fr", "/countries"],
    ["/ar", "ar", "/"],
    ["/zh/", "zh", "/"],
    ["/countries", null, "/countries"],
    ["/xx/countries", null, "/xx/countries"],
    ["/frances", null, "/frances"],
    ["/", null, "/"],
  ])("%s → %s + %s", (path, locale, rest) => {
    expect(splitLocalePrefix(path)).toEqual({ locale, rest });
  });
});

describe("fromAcceptLanguage", () => {
  it.each([
    ["fr-CH, fr;q=0.9, en;q=0.8", "fr"],
    ["de-DE, es;q=0.5, en;q=0.7", "en"],
    ["zh-CN,zh;q=0.9", "zh"],
    ["ar-EG", "ar"],
    ["en;q=0.1, ru;q=0.9", "ru"],
    ["de, it", null],
    ["es;q=0, fr;q=0.2", "fr"],
    ["", null],
  ])("%s → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe("negotiateLocale", () => {
  it("lets the URL prefix win over cookie and browser", () => {
    expect(negotiateLocale({ pathname: "/ru/sdgs", cookie: "item10_lang=ar", acceptLanguage: "fr" })).toEqual({
      locale: "ru",
      prefixed: true,
    });
  });
  it("remembers the cookie when the URL has no prefix", () => {
    expect(negotiateLocale({ pathname: "/sdgs", cookie: "a=1; item10_lang=es", acceptLanguage: "fr" }).locale).toBe(
      "es",
    );
  });
  it("ignores a cookie naming a language we do not offer", () => {
    expect(negotiateLocale({ pathname: "/", cookie: "item10_lang=de", acceptLanguage: "zh-TW" }).locale).toBe("zh");
  });
  it("falls back to English", () => {
    expect(negotiateLocale({ pathname: "/", cookie: null, acceptLanguage: "de" })).toEqual({
      locale: "en",
      prefixed: false,
    });
  });
});

describe("localizedPath", () => {
  it.each([
    ["ar", "/fr/countries", "?group=african", "/ar/countries?group=african"],
    ["fr", "/countries/FJI", "", "/fr/countries/FJI"],
    ["zh", "/", "", "/zh"],
    ["en", "/ru", "", "/en"],
  ] as const)("%s %s%s → %s", (locale, path, search, expected) => {
    expect(localizedPath(locale, path, search)).toBe(expected);
  });
});

it("reads one cookie among several and decodes it", () => {
  expect(readCookie("a=1; b=x%20y; c=3", "b")).toBe("x y");
  expect(readCookie("a=1", "b")).toBeNull();
  expect(readCookie(undefined, "b")).toBeNull();
});
