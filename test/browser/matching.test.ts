import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_OFFERS, DEMO_PAIRINGS, DEMO_REQUESTS } from "../../src/modules/demo";
import { check, openJourneyBrowser, signIn, submit, wording } from "../support/journey";

/**
 * The match workflow as its people use it (issue 6), in English and in Arabic, without
 * JavaScript, on the demo content: Thailand proposes its business and human rights offer to the
 * Honduras request the demo leaves open; Honduras reads exactly what would be shared, keeps its
 * counterparts to itself and consents; Thailand reads the rest on the request's page; Honduras
 * revokes, and Thailand reads it no more. Every page on the way passes axe (WCAG 2.1 A and AA).
 */
const base = inject("baseUrl");
const WALKTHROUGH = DEMO_REQUESTS.find((r) => !DEMO_PAIRINGS.some((p) => p.request === r.title))!;
const PLANS = DEMO_OFFERS[2]!;

let browser: Awaited<ReturnType<typeof openJourneyBrowser>>;
let requestId = "";
let offerId = "";
beforeAll(async () => {
  browser = await openJourneyBrowser();
  // The demo job writes its content once the recommendations are in: wait for the open request.
  const until = Date.now() + 120_000;
  do {
    const requests = (await (await fetch(`${base}/api/v1/requests?country=HND&limit=100`)).json()) as {
      data: { id: string; title: string; state: string }[];
    };
    requestId = requests.data.find((r) => r.title === WALKTHROUGH.title && r.state === "open")?.id ?? "";
    if (requestId) break;
    await new Promise((r) => setTimeout(r, 2000));
  } while (Date.now() < until);
  const offers = (await (await fetch(`${base}/api/v1/offers?limit=100`)).json()) as {
    data: { id: string; title: string }[];
  };
  offerId = offers.data.find((o) => o.title === PLANS.title)!.id;
  expect(requestId).not.toBe("");
}, 130_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(["en", "ar"] as const)("a match from proposal to revocation in %s, without JavaScript", (locale) => {
  const t = wording(locale);
  const at = (path: string) => `${base}/${locale}${path}`;
  const start = WALKTHROUGH.desiredStart!;
  const counterpart = WALKTHROUGH.counterparts[0]!;
  let thailand: Page;
  let honduras: Page;
  let matchPath = "";

  beforeAll(async () => {
    [thailand, honduras] = await Promise.all([browser.person(), browser.person()]);
    await signIn(thailand, base, "thailand@example.org", locale);
    await signIn(honduras, base, "honduras@example.org", locale);
  });
  afterAll(async () => {
    await Promise.all([thailand, honduras].map((p) => p?.context().close()));
  });

  it("Thailand proposes, reading both sides and the reasons, and nothing restricted", async () => {
    await thailand.goto(at(`/matches/new?request=${requestId}&offer=${offerId}`));
    await check(thailand, locale);
    expect(await thailand.locator("main ul.reasons li").count()).toBeGreaterThan(0);
    expect(await thailand.locator("main").textContent()).not.toContain(counterpart);
    await thailand.fill("#message", "We would be glad to share how we consulted companies and unions.");
    await submit(thailand, 'main form.stack button[type="submit"]');
    matchPath = new URL(thailand.url()).pathname;
    expect(matchPath).toMatch(new RegExp(`^/${locale}/matches/[0-9a-f-]{36}$`));
    expect(await thailand.locator(".flash").textContent()).toBe(t("matches.flash.proposed"));
    await check(thailand, locale);
  });

  it("Honduras finds the match, reads exactly what would be shared, and consents to a part", async () => {
    await honduras.goto(at("/matches"));
    await check(honduras, locale);
    await submit(honduras, `main a[href="${matchPath}"]`);
    await check(honduras, locale);
    await submit(honduras, `main a[href="${matchPath}/consent"]`);
    await check(honduras, locale);
    const screen = await honduras.locator("main").textContent();
    expect(screen).toContain(start);
    expect(screen).toContain(counterpart);
    expect(await honduras.locator('main input[name="scope"]:checked').count()).toBe(3);
    expect(screen).toContain(t("matches.consent.revocable"));
    await honduras.uncheck("#scope-counterparts");
    await submit(honduras, '#consent-form button[type="submit"]');
    expect(new URL(honduras.url()).pathname).toBe(matchPath);
    expect(await honduras.locator(".flash").textContent()).toBe(t("matches.flash.consented"));
    await check(honduras, locale);
  });

  it("Thailand reads the budget and schedule on the request's page, not the counterparts", async () => {
    await thailand.goto(at(`/requests/${requestId}`));
    await check(thailand, locale);
    const page = await thailand.locator("main").textContent();
    expect(page).toContain(start);
    expect(page).not.toContain(counterpart);
    expect(page).toContain(t("requests.fact.withheld"));
  });

  it("Honduras revokes its consent; Thailand reads nothing restricted any more, and was told", async () => {
    await honduras.goto(`${base}${matchPath}`);
    await submit(honduras, 'main button[value="revoke"]');
    expect(await honduras.locator(".flash").textContent()).toBe(t("matches.flash.revoked"));
    await check(honduras, locale);
    await thailand.goto(at(`/requests/${requestId}`));
    expect(await thailand.locator("main").textContent()).not.toContain(start);
    await thailand.goto(at("/notifications"));
    await check(thailand, locale);
    expect(await thailand.locator(`main a[href="${matchPath}"]`).count()).toBeGreaterThan(0);
  });
});
