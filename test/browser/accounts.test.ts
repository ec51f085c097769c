import { generate } from "otplib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from "../../src/modules/accounts";
import { LOCALES } from "../../src/platform/i18n/locales";
import { openBrowser } from "../support/browser";
import { axe, submit } from "../support/journey";

const base = inject("baseUrl");

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser({ javaScript: true });
});
afterAll(async () => {
  await browser.close();
});

/** Signs in through the form, as a person would, typing the authenticator code when asked. */
async function signIn(page: Page, email: string, locale = "en") {
  await page.goto(`${base}/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", DEMO_PASSWORD);
  await submit(page, 'form.stack button[type="submit"]');
  if (page.url().includes("/sign-in/second-factor")) {
    expect(await axe(page)).toEqual([]);
    await page.fill("#code", await generate({ secret: DEMO_TOTP_SECRET }));
    await submit(page, 'form.stack button[type="submit"]');
  }
}

describe.each(DEMO_USERS)("$role ($email)", ({ email, displayName }) => {
  it("signs in and sees their own home page, which passes axe", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, email);
    expect(new URL(page.url()).pathname).toBe("/en");
    expect(await page.textContent("#you-heading")).toBe(`Welcome, ${displayName}`);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${base}/en/account`);
    expect(await page.textContent("h1")).toBe(displayName);
    expect(await axe(page)).toEqual([]);
    // Signing out ends the session: the account page now asks to sign in.
    await submit(page, 'form[action="/en/sign-out"] button');
    await page.goto(`${base}/en/account`);
    expect(new URL(page.url()).pathname).toBe("/en/sign-in");
    await page.close();
  });
});

describe.each(LOCALES)("administration and account pages in %s", (locale) => {
  it("pass axe, including forms showing their errors", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${base}/${locale}/sign-in`);
    expect(await axe(page)).toEqual([]);
    await signIn(page, "admin@example.org", locale);
    await page.goto(`${base}/${locale}/admin/organisations`);
    const organisation = new URL((await page.getAttribute("tbody a", "href")) ?? "", base).pathname.replace(
      `/${locale}`,
      "",
    );
    for (const path of [
      "/secretariat/audit",
      "/secretariat/audit?from=not-a-date",
      "/admin/organisations",
      "/admin/organisations/new",
      "/admin/users",
      "/admin/invitations",
      "/admin/join-requests",
      "/admin/outbox",
      "/secretariat/imports",
      "/secretariat/suggestions",
      organisation,
      "/invitations/new",
      "/account",
      "/account/security",
      "/account/api-tokens",
      "/account/close",
    ]) {
      const response = await page.goto(`${base}/${locale}${path}`);
      expect(response?.status(), path).toBe(200);
      // Still on the page asked for: not redirected to sign in or to set up a second factor.
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/${locale}${path}`);
      expect(await axe(page), path).toEqual([]);
    }
    // A form sent back with errors: the error summary and the invalid fields pass too.
    await page.goto(`${base}/${locale}/invitations/new`);
    await page.fill("#email", "not an email");
    await submit(page, 'form.stack button[type="submit"]');
    expect(await page.locator(".error-summary").count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe.each(LOCALES)("a State focal point's tracking pages in %s", (locale) => {
  it("pass axe, including the tracking form showing its errors", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, "fiji@example.org", locale);
    for (const path of ["/tracking", "/tracking/uprinfo18-s07-0706", "/tracking/clusters/new"]) {
      const response = await page.goto(`${base}/${locale}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await axe(page), path).toEqual([]);
    }
    await page.goto(`${base}/${locale}/tracking/clusters/new`);
    await submit(page, 'main form button[type="submit"]');
    expect(await page.locator(".error-summary").count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

it("walks a new expert through setting up a second factor", async () => {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await signIn(page, "expert@example.org");
  await page.goto(`${base}/en/account/security`);
  expect(await axe(page)).toEqual([]);
  const secret = (await page.textContent("figcaption code"))?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.fill("#code", await generate({ secret }));
  await submit(page, 'form.stack button[type="submit"]');
  expect(await page.locator(".recovery-codes li").count()).toBe(10);
  expect(await axe(page)).toEqual([]);
  await page.close();
});
