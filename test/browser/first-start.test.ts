import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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
