import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { parseRecommendationQuery } from "../domain/query";
import { importRecommendations } from "./import-recommendations";
import { searchRecommendationsInSql } from "./search-in-sql";
import { searchRecommendations } from "./search-recommendations";

const SHARED = path.resolve(import.meta.dirname, "../../../../../shared/data/upr-info-2008-2017");
let app: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;
let rows: Record<string, string>[];

const search = (params: string) => {
  const { query, errors } = parseRecommendationQuery(new URLSearchParams(params));
  expect(errors).toEqual({});
  return searchRecommendations({ actor: ANONYMOUS, query }, { db: app.database.db });
};

beforeAll(async () => {
  app = await startTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "item10-search-"));
  // Two whole sessions of the real export: 5 (cycle 1) and 19 (cycle 2), with all their texts.
  const all = (await readFile(path.join(SHARED, "upr-recommendations-sessions-01-27.csv"), "utf8")).split("\n");
  const chosen = [all[0]!, ...all.slice(1).filter((l) => /^uprinfo18-s(05|19)-/.test(l))];
  const file = path.join(dir, "two-sessions.csv");
  await writeFile(file, `${chosen.join("\n")}\n`);
  const report = await importRecommendations(
    { actor: systemActor("test"), file, skipInvalid: false },
    { db: app.database.db },
  );
  expect(report.rejected).toBe(0);
  const { parse } = await import("csv-parse/sync");
  rows = parse(chosen.join("\n"), { columns: true, bom: true }) as Record<string, string>[];
});
afterAll(async () => {
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("searching the index", () => {
  it("counts every match and pages through them", async () => {
    const all = await search("");
    expect(all.total).toBe(rows.length);
    const page = await search("limit=5&offset=5");
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(rows.length);
  });

  it("matches a phrase, excludes a word, and agrees with a reading of the texts", async () => {
    const phrase = await search('q="death penalty"&limit=100');
    const expected = rows.filter((r) => /death penalty/i.test(r.text!)).length;
    expect(expected).toBeGreaterThan(0);
    expect(phrase.total).toBe(expected);
    const women = await search("q=women&limit=100");
    const notViolence = await search("q=women -violence&limit=100");
    expect(notViolence.total).toBeLessThan(women.total);
    expect(notViolence.items.every((i) => !/violen/i.test(i.text))).toBe(true);
    const either = await search("q=torture OR trafficking");
    expect(either.total).toBeGreaterThanOrEqual((await search("q=torture")).total);
  });

  it("filters by facets, whose counts cover the matching set", async () => {
    const result = await search("cycle=2&response=noted");
    expect(result.total).toBe(rows.filter((r) => r.cycle === "2" && r.response === "Noted").length);
    expect(result.facets.response).toEqual([{ value: "noted", count: result.total }]);
    const bySur = result.facets.state_under_review.reduce((n, f) => n + f.count, 0);
    expect(bySur).toBe(result.total);
    const norway = await search("recommending_state=NOR");
    expect(norway.total).toBe(rows.filter((r) => r.rec_iso3 === "NOR").length);
    expect(norway.items.every((i) => i.recommendingStates.includes("NOR"))).toBe(true);
  });

  it("finds both forms of an irregular plural, in phrases and exclusions too", async () => {
    const textsWith = (re: RegExp) => rows.filter((r) => re.test(r.text!)).length;
    const woman = await search("q=woman&limit=1");
    expect(woman.total).toBe(textsWith(/\bwom[ae]n('s)?\b/i));
    expect((await search("q=women&limit=1")).total).toBe(woman.total);
    const child = await search("q=child&limit=1");
    expect(child.total).toBeGreaterThan(textsWith(/\bchild\b/i));
    const excluded = await search("q=rights -woman&limit=100");
    expect(excluded.items.some((i) => /\bwomen\b/i.test(i.text))).toBe(false);
  });

  it("filters and counts by session, year, action category and regional group", async () => {
    const s19 = await search("session=19&limit=1");
    expect(s19.total).toBe(rows.filter((r) => r.session === "19").length);
    expect(s19.facets.session).toEqual([{ value: "19", count: s19.total }]);
    const all = await search("limit=1");
    expect(all.facets.year.map((f) => f.value)).toEqual([...new Set(rows.map((r) => r.year!))].sort().reverse());
    const action = await search("action_category=5&limit=1");
    expect(action.total).toBe(rows.filter((r) => r.action_category === "5").length);

    const groups: Record<string, string> = { WEOG: "western-european-other", Africa: "african" };
    const weog = await search("recommending_group=western-european-other&limit=1");
    expect(weog.total).toBe(rows.filter((r) => groups[r.rec_regional_group!] === "western-european-other").length);
    const africanReviewed = await search("state_under_review_group=african&limit=1");
    expect(africanReviewed.total).toBe(rows.filter((r) => groups[r.sur_regional_group!] === "african").length);
    const byGroup = all.facets.state_under_review_group.reduce((n, f) => n + f.count, 0);
    expect(byGroup).toBe(all.total);
  });

  it("filters and counts by group of affected persons", async () => {
    const file = path.join(dir, "persons.jsonl");
    const line = (text: string, persons: string[]) =>
      JSON.stringify({ mechanism: "upr", state_under_review: "FJI", text, affected_persons: persons, paragraph: text });
    await writeFile(
      file,
      `${line("Protect children from violence.", ["children"])}\n${line("Protect children and women with disabilities.", ["children", "persons-with-disabilities"])}\n`,
    );
    const report = await importRecommendations(
      { actor: systemActor("test"), file, skipInvalid: false },
      { db: app.database.db },
    );
    expect(report).toMatchObject({ created: 2, rejected: 0 });
    const children = await search("affected_person=children");
    expect(children.total).toBe(2);
    expect(children.facets.affected_person).toEqual([
      { value: "children", count: 2 },
      { value: "persons-with-disabilities", count: 1 },
    ]);
    expect((await search("affected_person=persons-with-disabilities")).items.map((i) => i.text)).toEqual([
      "Protect children and women with disabilities.",
    ]);
    await app.database.db.execute(
      sql`delete from recommendations where state_under_review = 'FJI' and source like 'item10-jsonl:%'`,
    );
  });

  it("names each wrong parameter", () => {
    expect(
      parseRecommendationQuery(new URLSearchParams("cycle=first&state_under_review=Norway&limit=1000")).errors,
    ).toEqual({
      cycle: "a whole number from 1 to 20",
      state_under_review: "an ISO 3166 alpha-3 code, such as NOR",
      limit: "a whole number from 1 to 100",
    });
  });
});

describe("the facet index", () => {
  // Ties at the 50th value may be cut differently; every value counted above the cut must agree.
  const comparable = (facet: { value: string; count: number }[]) => {
    const cut = facet.length === 50 ? facet[49]!.count : 0;
    return facet.filter((f) => f.count > cut).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  };

  it.each([
    "",
    "q=women",
    "q=woman -violence&sort=date",
    'q="death penalty"&cycle=2',
    "q=torture OR trafficking&limit=50&offset=40",
    "cycle=2&response=noted&limit=7&offset=3",
    "recommending_state=NOR",
    "state_under_review_group=african&recommending_group=western-european-other",
    "theme=upr-info:womens-rights&session=19",
    "year=2009&action_category=5",
    "kind=recommendation&q=children",
    "q=children&sort=relevance&offset=100",
    "sdg=5",
    "q=nosuchwordanywhere",
    "state_under_review=XXX",
  ])("answers %j as SQL alone does: the same count, page and facets", async (params) => {
    const { query } = parseRecommendationQuery(new URLSearchParams(params));
    const [fast, reference] = await Promise.all([
      searchRecommendations({ actor: ANONYMOUS, query }, { db: app.database.db }),
      searchRecommendationsInSql({ actor: ANONYMOUS, query }, { db: app.database.db }),
    ]);
    expect(fast.total).toBe(reference.total);
    expect(fast.items.map((i) => i.key)).toEqual(reference.items.map((i) => i.key));
    expect(fast.items.map((i) => i.highlighted)).toEqual(reference.items.map((i) => i.highlighted));
    for (const [facet, counts] of Object.entries(reference.facets))
      expect(comparable(fast.facets[facet as keyof typeof fast.facets]), facet).toEqual(comparable(counts));
  });
});

describe("the search page", () => {
  it("shows the matches with the matched words marked, and facets as links that keep the search", async () => {
    const response = await app.request("/en/recommendations?q=%22death+penalty%22&cycle=2");
    const page = await response.text();
    expect(response.status).toBe(200);
    const expected = rows.filter((r) => r.cycle === "2" && /death penalty/i.test(r.text!)).length;
    expect(page).toContain(`${expected} results`);
    expect(page).toMatch(/<mark>death<\/mark> <mark>penalty<\/mark>/i);
    expect(page).toContain('href="/en/recommendations?q=%22death+penalty%22&amp;cycle=2&amp;response=noted"');
    expect(page).not.toContain("\u0001");
  });

  it("leaves out a filter it cannot read, and says so", async () => {
    const page = await (await app.request("/en/recommendations?cycle=first")).text();
    expect(page).toMatch(/<div class="error-summary" role="alert"><p>[^<]*: cycle<\/p><\/div>/);
  });
});

describe("exports", () => {
  it("gives the whole result set as CSV and as XLSX, with the same rows", async () => {
    const query = "q=%22death+penalty%22";
    const expected = rows
      .filter((r) => /death penalty/i.test(r.text!))
      .map((r) => r.id!)
      .sort();
    const csvResponse = await app.request(`/en/recommendations/export/csv?${query}`);
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    const { parse } = await import("csv-parse/sync");
    const csvRows = parse(await csvResponse.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(csvRows.map((r) => r.key).sort()).toEqual(expected);

    const xlsxResponse = await app.request(`/en/recommendations/export/xlsx?${query}`);
    expect(xlsxResponse.headers.get("content-type")).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsxResponse.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(Object.keys(csvRows[0]!));
    const xlsxRows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) xlsxRows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? ""])));
    });
    expect(xlsxRows.map((r) => r.key).sort()).toEqual(expected);
    const first = csvRows.find((r) => r.key === expected[0])!;
    expect(xlsxRows.find((r) => r.key === expected[0])?.text).toBe(first.text);
  });

  it("exports across batches without losing or repeating rows", async () => {
    const csv = await (await app.request("/en/recommendations/export/csv")).text();
    const { parse } = await import("csv-parse/sync");
    const keys = (parse(csv, { columns: true, bom: true }) as Record<string, string>[]).map((r) => r.key);
    expect(keys).toHaveLength(rows.length);
    expect(new Set(keys).size).toBe(rows.length);
  });
});

describe("GET /api/v1/recommendations", () => {
  it("answers { total, items, facets } and 400 naming bad parameters", async () => {
    const ok = await app.request('/api/v1/recommendations?q="death penalty"&cycle=1');
    const body = (await ok.json()) as { total: number; items: unknown[]; facets: Record<string, unknown> };
    expect(ok.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["facets", "items", "total"]);
    expect(body.total).toBe(rows.filter((r) => r.cycle === "1" && /death penalty/i.test(r.text!)).length);
    const bad = await app.request("/api/v1/recommendations?response=maybe");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.fields).toHaveProperty("response");
  });
});
