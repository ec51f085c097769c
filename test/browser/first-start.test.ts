import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_OFFERS, DEMO_PAIRINGS, DEMO_REQUESTS } from "../../src/modules/demo";
import { openBrowser } from "../support/browser";

const base = inject("baseUrl");
const SHARED = path.resolve(import.meta.dirname, "../../../shared/data/upr-info-2008-2017");
let rows: Record<string, string>[];
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

const api = async (query: string) =>
  (await (await fetch(`${base}/api/v1/recommendations?${query}`)).json()) as {
    total: number;
    items: { key: string; text: string }[];
    facets: Record<string, { value: string; count: number }[]>;
  };

beforeAll(async () => {
  rows = parse(await readFile(path.join(SHARED, "upr-recommendations-sessions-01-27.csv"), "utf8"), {
    columns: true,
    bom: true,
  });
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser.close();
});

describe("a first start, as a new user meets it (the server of this suite started on an empty database)", () => {
  it("showed the load's progress on the search page while it ran", () => {
    expect(inject("searchPageDuringFirstLoad")).toMatch(
      /upr-recommendations-sessions-01-27\.csv (is waiting to be loaded|: (checking the file|[\d,]+ of [\d,]+ recommendations stored))/,
    );
  });

  it("loaded the 60,728 recommendations and the 944 pledges, with nothing rejected", async () => {
    expect(inject("firstLoadRuns")).toEqual([
      { file: "upr-recommendations-sessions-01-27.csv", rows: 60_728, created: 60_728, rejected: 0 },
      { file: "upr-voluntary-pledges-sessions-01-19.csv", rows: 944, created: 944, rejected: 0 },
    ]);
    const all = await api("limit=1");
    expect(all.total).toBe(60_728 + 944);
    expect(all.facets.kind).toEqual([
      { value: "recommendation", count: 60_728 },
      { value: "voluntary-pledge", count: 944 },
    ]);
    const page = await (await fetch(`${base}/en/recommendations`)).text();
    expect(page).not.toContain("Loading upr-");
  });

  it('finds "death penalty" in cycle 2 among noted recommendations exactly as a reading of the file does', async () => {
    const expected = rows.filter(
      (r) => r.cycle === "2" && r.response === "Noted" && /\bdeath penalty\b/i.test(r.text!),
    ).length;
    expect(expected).toBeGreaterThan(100);
    const result = await api('q="death penalty"&cycle=2&response=noted&limit=100');
    expect(result.total).toBe(expected);
    expect(result.items.every((i) => /death penalty/i.test(i.text))).toBe(true);
  });

  it("excludes violence from women -violence", async () => {
    const women = await api("q=women&limit=1");
    const result = await api("q=women -violence&limit=100");
    expect(result.total).toBeGreaterThan(1000);
    expect(result.total).toBeLessThan(women.total);
    expect(result.items.some((i) => /violen/i.test(i.text))).toBe(false);
  });

  it("changes the address and the counts when a facet is clicked, without JavaScript", async () => {
    await page.goto(`${base}/en/recommendations?q=torture`);
    const before = await page.locator("#results-heading").textContent();
    const cycles = () =>
      page.locator("section.facet").filter({ has: page.getByRole("heading", { name: "Cycle", exact: true }) });
    const facet = cycles().getByRole("link", { name: "Cycle 2" });
    const count = Number((await facet.locator("xpath=following-sibling::span").textContent())!.replace(/\D/g, ""));
    await facet.click();
    expect(new URL(page.url()).searchParams.get("cycle")).toBe("2");
    expect(new URL(page.url()).searchParams.get("q")).toBe("torture");
    const after = await page.locator("#results-heading").textContent();
    expect(after).not.toBe(before);
    expect(after).toBe(`${new Intl.NumberFormat("en").format(count)} results`);
    expect(await cycles().getByRole("link", { name: "Cycle 2" }).getAttribute("aria-current")).toBe("true");
  });
});

describe("the pilot forum's requests and offers, written by the demo job once the recommendations are in", () => {
  type Listed = { id: string; title: string; stateIso3: string; language: string; state: string };
  const STATE_NAMES: Record<string, string> = {
    BTN: "Bhutan",
    MDV: "Maldives",
    HND: "Honduras",
    FJI: "Fiji",
    MHL: "Marshall Islands",
    SYC: "Seychelles",
  };
  let demo: Listed[] = [];
  // The forum paired every request it heard; one more request is left open for visitors to pair.
  const paired = new Set(DEMO_PAIRINGS.map((p) => p.request));

  beforeAll(async () => {
    // The job is triggered at start and retried every minute until the load has ended.
    const titles = new Set(DEMO_REQUESTS.map((r) => r.title));
    const until = Date.now() + 120_000;
    do {
      const { data } = (await (await fetch(`${base}/api/v1/requests?limit=100`)).json()) as { data: Listed[] };
      demo = data.filter((i) => titles.has(i.title) && i.state === (paired.has(i.title) ? "matched" : "open"));
      if (demo.length >= DEMO_REQUESTS.length) break;
      await new Promise((r) => setTimeout(r, 2000));
    } while (Date.now() < until);
  }, 130_000);

  it("lists the nine requests, matched or open, each from its State and marked up in its own language", async () => {
    expect(demo.map((r) => r.stateIso3).sort()).toEqual([
      "BTN",
      "BTN",
      "FJI",
      "HND",
      "HND",
      "MDV",
      "MDV",
      "MHL",
      "SYC",
    ]);
    await page.goto(`${base}/en/requests`);
    for (const r of demo) {
      const link = `a[href="/en/requests/${r.id}"]`;
      expect(await page.locator(`main ${link}`).textContent()).toBe(r.title);
      expect(await page.locator(`main ${link}`).getAttribute("lang")).toBe(r.stateIso3 === "HND" ? "es" : "en");
      const item = page.locator("main ol.result-list > li").filter({ has: page.locator(link) });
      expect(await item.locator("p.facts").first().textContent()).toContain(
        `· ${STATE_NAMES[r.stateIso3]} · ${paired.has(r.title) ? "Matched" : "Open to providers"}`,
      );
    }
  });

  it("links each request to recommendations its own State received", async () => {
    for (const r of demo) {
      await page.goto(`${base}/en/requests/${r.id}`);
      const cited = await page
        .locator('section[aria-labelledby="serves-heading"] a[href^="/en/recommendations/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      expect(cited.length, r.title).toBeGreaterThanOrEqual(1);
      for (const href of cited) {
        await page.goto(`${base}${href}`);
        const underReview = await page.evaluate(() => {
          const dt = [...document.querySelectorAll("main dt")].find((d) => d.textContent === "State under review");
          return dt?.nextElementSibling?.querySelector("a")?.getAttribute("href");
        });
        expect(underReview, href).toBe(`/en/countries/${r.stateIso3}/recommendations`);
      }
    }
  });

  it("lists the seven offers with their providers", async () => {
    const PROVIDERS: Record<string, RegExp> = {
      "norway@example.org": /^Norwegian Agency for Development Cooperation/,
      "thailand@example.org": /^Thailand International Cooperation Agency/,
      "paraguay@example.org": /^Ministerio de Relaciones Exteriores de la República del Paraguay/,
      "australia@example.org": /^Department of Foreign Affairs and Trade of Australia/,
      "secretariat@example.org": /^Office of the United Nations High Commissioner for Human Rights/,
      "urg@example.org": /^Universal Rights Group/,
    };
    await page.goto(`${base}/en/offers`);
    expect(DEMO_OFFERS).toHaveLength(7);
    for (const offer of DEMO_OFFERS) {
      const item = page
        .locator("main ol.result-list > li")
        .filter({ has: page.getByRole("link", { name: offer.title, exact: true }) });
      expect(await item.count(), offer.title).toBe(1);
      const by = await item.locator("dd").first().textContent();
      expect(by, offer.title).toMatch(PROVIDERS[offer.by]!);
    }
  });
});
