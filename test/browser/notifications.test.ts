import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/modules/accounts";
import { LOCALES } from "../../src/platform/i18n/locales";
import { openBrowser } from "../support/browser";
import { axe, submit } from "../support/journey";

const base = inject("baseUrl");

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  // JavaScript on for axe only: the pages themselves send none.
  browser = await openBrowser({ javaScript: true });
});
afterAll(async () => {
  await browser.close();
});

describe.each(LOCALES)("a person's notification pages in %s", (locale) => {
  it("pass axe, and the preferences form saves as a plain form post", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${base}/${locale}/sign-in`);
    // An account no other journey changes (accounts.test.ts gives the expert a second factor).
    await page.fill("#email", "nhri@example.org");
    await page.fill("#password", DEMO_PASSWORD);
    await submit(page, 'form.stack button[type="submit"]');

    await page.click(`a[href="/${locale}/notifications"]`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/notifications`);
    expect(await axe(page)).toEqual([]);

    await page.goto(`${base}/${locale}/account/notifications`);
    expect(await axe(page)).toEqual([]);
    await page.check("#request-opened-daily");
    await submit(page, 'main form button[type="submit"]');
    expect(await page.locator(".flash").count()).toBe(1);
    expect(await page.isChecked("#request-opened-daily")).toBe(true);
    expect(await axe(page)).toEqual([]);
    // Back as it was, for the other journeys sharing this server.
    await page.check("#request-opened");
    await submit(page, 'main form button[type="submit"]');
    expect(await page.isChecked("#request-opened")).toBe(true);
    await page.close();
  });
});
