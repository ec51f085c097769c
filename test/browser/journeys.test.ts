import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser } from "../support/browser";

const base = inject("baseUrl");
const BUDGET = 100 * 1024;

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser.close();
});

describe("weight on a slow connection", () => {
  it.each(["/", "/countries", "/sdgs"])("%s transfers under 100 KB (HTML + CSS + JS, compressed)", async (path) => {
    const p = await browser.context.newPage();
    // A first visit: nothing may come from the cache.
    const cdp = await browser.context.newCDPSession(p);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const sizes: Promise<number>[] = [];
    p.on("requestfinished", (request) => {
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await p.goto(`${base}/en${path === "/" ? "" : path}`, { waitUntil: "load" });
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    await p.close();
    console.log(`${path}: ${bytes} bytes in ${sizes.length} responses`);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(BUDGET);
  });
});

describe("keyboard", () => {
  it("reaches the skip link first and lands in the main content", async () => {
    await page.goto(`${base}/en/countries`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Skip to main content");
    const box = await page.locator(".skip-link").boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    // Following the link is a navigation like any other: wait for it rather than read the URL at once.
    await Promise.all([page.waitForURL(/#main$/), page.keyboard.press("Enter")]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("filters the States with the keyboard alone, without JavaScript", async () => {
    await page.goto(`${base}/en/countries`);
    await page.focus("#group");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await Promise.all([page.waitForURL(/group=asia-pacific/), page.keyboard.press("Enter")]);
    expect(page.url()).toContain("status=sids");
    const rows = await page.locator("tbody tr").count();
    expect(rows).toBeGreaterThan(5);
    expect(await page.locator("tbody").textContent()).toContain("Fiji");
  });

  it("shows where the focus is", async () => {
    await page.goto(`${base}/en`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe("solid");
  });
});

describe("right to left", () => {
  it("mirrors the layout in Arabic", async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${base}/en`);
    const ltr = await page.locator(".brand").boundingBox();
    await page.goto(`${base}/ar`);
    const rtl = await page.locator(".brand").boundingBox();
    expect(ltr && rtl).toBeTruthy();
    // The brand sits at the start of the line: left in English, right in Arabic.
    expect(ltr!.x).toBeLessThan(600);
    expect(rtl!.x + rtl!.width).toBeGreaterThan(600);
  });
});

describe("language switcher", () => {
  it("switches the same page to another language and remembers the choice", async () => {
    await page.goto(`${base}/en/countries/FJI`);
    await Promise.all([page.waitForURL(/\/fr\/countries\/FJI$/), page.click('a[hreflang="fr"]')]);
    expect(await page.textContent("h1")).toBe("Fidji");
    await page.goto(`${base}/sdgs`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
  });
});
