import AxeBuilder from "@axe-core/playwright";
import { generate } from "otplib";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../src/modules/accounts";
import { LANGUAGE_TAG, type Locale, textDirection } from "../../src/platform/i18n/locales";
import { getIntl, type MessageKey } from "../../src/platform/i18n/messages";
import { CHROMIUM_ARGS } from "./browser";

/**
 * Journeys of several people at once against one server: one Chromium, one isolated context
 * (cookies, session) per person. Pages run without JavaScript, as people on locked-down or slow
 * machines meet them; axe is itself a script, so scripts are switched on for the page only while
 * axe reads it (the pages send none of their own: `check` counts them first).
 */
export async function openJourneyBrowser() {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    /** A person's own window: a fresh context, so each keeps their own session. */
    async person(): Promise<Page> {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
      scriptSwitch.set(page, cdp);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

const scriptSwitch = new WeakMap<Page, CDPSession>();

/** WCAG 2.1 A and AA violations on the page as it is now, one line each (target selectors). */
export async function axe(page: Page): Promise<string[]> {
  const cdp = scriptSwitch.get(page);
  await cdp?.send("Emulation.setScriptExecutionDisabled", { value: false });
  try {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    // An empty list must mean "nothing found", not "nothing checked".
    if (results.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  } finally {
    await cdp?.send("Emulation.setScriptExecutionDisabled", { value: true });
  }
}

/** What every page of a journey must be: in the locale's language and direction, scriptless, and clean under axe. */
export async function check(page: Page, locale: Locale) {
  const where = new URL(page.url()).pathname;
  expect(await page.getAttribute("html", "lang"), where).toBe(LANGUAGE_TAG[locale]);
  expect(await page.getAttribute("html", "dir"), where).toBe(textDirection(locale));
  expect(await page.locator("script").count(), where).toBe(0);
  expect(await axe(page), where).toEqual([]);
}

/** The interface's own words, as the catalogue renders them in `locale`. */
export function wording(locale: Locale) {
  const intl = getIntl(locale);
  return (key: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
}

/** Clicks something that sends a form or follows a link, and waits until the next page has loaded. */
export async function submit(page: Page, selector: string) {
  const navigated = page.waitForEvent("framenavigated", (frame) => frame === page.mainFrame());
  await page.click(selector);
  await navigated;
  await page.waitForLoadState("load");
}

/** Signs in through the form, typing the authenticator code when asked, as a person would. */
export async function signIn(page: Page, base: string, email: string, locale: Locale) {
  await page.goto(`${base}/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", DEMO_PASSWORD);
  await submit(page, 'form.stack button[type="submit"]');
  if (page.url().includes("/sign-in/second-factor")) {
    await page.fill("#code", await generate({ secret: DEMO_TOTP_SECRET }));
    await submit(page, 'form.stack button[type="submit"]');
  }
  expect(new URL(page.url()).pathname, `${email} signed in`).not.toMatch(/sign-in/);
}

/**
 * Presses Tab until the focus is on an element matching `selector`, as a keyboard user reaches a
 * control; fails when it never comes (a control out of the tab order).
 */
export async function tabTo(page: Page, selector: string, maxPresses = 800) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
