import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LANGUAGE_TAG, LOCALES, textDirection } from "../../src/platform/i18n/locales";
import { openBrowser } from "../support/browser";
import { wording } from "../support/journey";

const base = inject("baseUrl");
const PAGES = [
  "/",
  "/countries",
  "/countries/FJI",
  "/countries/PSE",
  "/sdgs",
  "/sdgs/16",
  "/recommendations?q=women",
  "/recommendations?cycle=x",
  "/countries/FJI/recommendations",
  "/recommendations/uprinfo18-s19-0071",
  "/countries?group=nordic",
  // The gap map by each dimension, and with a dimension it does not know (the notice about it).
  "/gaps",
  "/gaps?by=sdg",
  "/gaps?by=x",
  // Public: how suggestions are ranked, as a visitor reads it (without the officers' form).
  "/secretariat/matching-weights",
  "/no-such-page",
];

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeAll(async () => {
  // axe runs as a script in the page; the pages themselves ship none (checked below).
  browser = await openBrowser({ javaScript: true });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser.close();
});

describe.each(LOCALES)("in %s", (locale) => {
  it.each(PAGES)(
    "%s passes axe (WCAG 2.1 A and AA) and is marked up in the right language and direction",
    async (path) => {
      const response = await page.goto(`${base}/${locale}${path === "/" ? "" : path}`);
      expect(response?.status()).toBe(path === "/no-such-page" ? 404 : 200);
      expect(await page.getAttribute("html", "lang")).toBe(LANGUAGE_TAG[locale]);
      expect(await page.getAttribute("html", "dir")).toBe(textDirection(locale));
      expect(await page.locator("script").count()).toBe(0);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
    },
  );

  it("leads from the main navigation to the gap map, named as the page is", async () => {
    const t = wording(locale);
    await page.goto(`${base}/${locale}`);
    const link = page.locator(`header nav a[href="/${locale}/gaps"]`);
    expect(await link.textContent()).toBe(t("nav.gaps"));
    await Promise.all([page.waitForURL(new RegExp(`/${locale}/gaps$`)), link.click()]);
    expect(await page.textContent("main h1")).toBe(t("gaps.title"));
  });
});
