import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REASON_LABEL } from "../../src/modules/matching/http/labels";
import { LOCALES } from "../../src/platform/i18n/locales";
import { check, openJourneyBrowser, signIn, submit, tabTo, wording } from "../support/journey";

/**
 * The matching weights as a secretariat officer sets them (issue 6), in all six languages and
 * without JavaScript: the page with its form, and the form sent back with a weight out of range,
 * pass axe (WCAG 2.1 A and AA), and both are usable with the keyboard alone. Nothing is
 * published: the weights every other test ranks by stay as they are.
 */
const base = inject("baseUrl");
const PAGE = "/secretariat/matching-weights";
const FIRST_FIELD = "weight-theme";
const WRONG_FIELD = "weight-timing";
/** Any control of the weights form a keyboard user can land on. */
const FORM_CONTROL = "main form input, main form textarea, main form select, main form button";

let browser: Awaited<ReturnType<typeof openJourneyBrowser>>;
beforeAll(async () => {
  browser = await openJourneyBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

describe.each(LOCALES)("the matching weights for a secretariat officer in %s", (locale) => {
  const t = wording(locale);
  let officer: Page;

  beforeAll(async () => {
    officer = await browser.person();
    await signIn(officer, base, "secretariat@example.org", locale);
  });
  afterAll(async () => {
    await officer?.context().close();
  });

  it("shows the form and passes axe; the keyboard reaches the first weight before any other control of the form", async () => {
    const response = await officer.goto(`${base}/${locale}${PAGE}`);
    expect(response?.status()).toBe(200);
    await check(officer, locale);
    expect(await officer.locator(`main form #${FIRST_FIELD}`).count()).toBe(1);
    await tabTo(officer, FORM_CONTROL);
    expect(await focusedId(officer)).toBe(FIRST_FIELD);
  });

  it("sends a weight out of range back with its error, which passes axe, keeps what was typed and leads to the field", async () => {
    await officer.goto(`${base}/${locale}${PAGE}`);
    await officer.fill(`#${WRONG_FIELD}`, "150");
    await submit(officer, 'main form.stack button[type="submit"]');
    expect(await officer.locator(".flash").count()).toBe(0);
    expect(await officer.locator(".error-summary").count()).toBe(1);
    const message = t("matching.weights.error.out-of-range", { reason: t(REASON_LABEL.timing) });
    expect((await officer.locator(".error-summary li").allTextContents()).map((s) => s.trim())).toEqual([message]);
    expect(await officer.locator(`#${WRONG_FIELD}-error`).textContent()).toBe(message);
    expect(await officer.inputValue(`#${WRONG_FIELD}`)).toBe("150");
    expect(await officer.getAttribute(`#${WRONG_FIELD}`, "aria-invalid")).toBe("true");
    expect(await officer.getAttribute(`#${WRONG_FIELD}`, "aria-describedby")).toContain(`${WRONG_FIELD}-error`);
    await check(officer, locale);

    // The summary's link is reached by Tab, and following it puts the focus in the field to correct.
    await tabTo(officer, ".error-summary a");
    expect(await officer.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(`#${WRONG_FIELD}`);
    await Promise.all([officer.waitForURL(new RegExp(`#${WRONG_FIELD}$`)), officer.keyboard.press("Enter")]);
    expect(await focusedId(officer)).toBe(WRONG_FIELD);
  });
});
