import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import { recommendations } from "../schema";
import { ImportForbiddenError, importRecommendations } from "./import-recommendations";

const SHARED = path.resolve(import.meta.dirname, "../../../../../shared/data/upr-info-2008-2017");
const system = systemActor("test");
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let header: string;
let lines: string[];

/** The real export cut to its first rows (records in it are one line each). */
async function file(name: string, rows: string[]): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, `${[header, ...rows].join("\n")}\n`);
  return target;
}
const count = async () =>
  Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(recommendations))[0]?.n);
const audits = async () =>
  Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n);

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "item10-import-"));
  const all = (await readFile(path.join(SHARED, "upr-recommendations-sessions-01-27.csv"), "utf8")).split("\n");
  header = all[0]!;
  lines = all.slice(1, 301);
});
afterAll(async () => {
  await database.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("importing a UPR Info export", () => {
  it("refuses a file with one bad row whole, naming its line and field", async () => {
    const bad = [...lines];
    bad[41] = bad[41]!.replace(",AFG,", ",XXX,");
    const report = await importRecommendations(
      { actor: system, file: await file("bad.csv", bad), skipInvalid: false },
      database,
    );
    expect(report.outcome).toBe("refused");
    expect(report.problems).toEqual([
      {
        line: 43,
        field: "sur_iso3",
        code: "unknown-state-under-review",
        values: { value: "XXX" },
        message: 'unknown State under review: "XXX"',
      },
    ]);
    expect(await count()).toBe(0);
  });

  it("stores the other rows with --skip-invalid and reports the rejected one", async () => {
    const bad = [...lines];
    bad[41] = bad[41]!.replace(",AFG,", ",XXX,");
    const report = await importRecommendations(
      { actor: system, file: await file("bad.csv", bad), skipInvalid: true },
      database,
    );
    expect(report).toMatchObject({ outcome: "imported", rows: 300, created: 299, rejected: 1 });
    expect(await count()).toBe(299);
  });

  it("imports the rest, and then changes nothing on the same file again", async () => {
    const path1 = await file("good.csv", lines);
    const first = await importRecommendations({ actor: system, file: path1, skipInvalid: false }, database);
    expect(first).toMatchObject({ outcome: "imported", created: 1, unchanged: 299, updated: 0 });
    const auditBefore = await audits();
    const again = await importRecommendations({ actor: system, file: path1, skipInvalid: false }, database);
    expect(again).toMatchObject({ outcome: "unchanged", created: 0, updated: 0, unchanged: 300 });
    expect(await audits()).toBe(auditBefore);
    expect(await count()).toBe(300);
  });

  it("updates a corrected row and only that row", async () => {
    const fixed = [...lines];
    fixed[0] = fixed[0]!.replace("forced marriages", "forced and early marriages");
    const report = await importRecommendations(
      { actor: system, file: await file("fixed.csv", fixed), skipInvalid: false },
      database,
    );
    expect(report).toMatchObject({ updated: 1, unchanged: 299, created: 0 });
    const [row] = await database.db.select().from(recommendations).where(eq(recommendations.key, "uprinfo18-s05-0001"));
    expect(row).toMatchObject({
      stateUnderReview: "AFG",
      recommendingStates: ["AUT"],
      response: "supported",
      actionCategory: 5,
      cycle: 1,
      session: 5,
      kind: "recommendation",
      mechanism: "upr",
    });
    expect(row?.text).toContain("forced and early marriages");
    expect(row?.themes).toEqual(["upr-info:rights-of-the-child", "upr-info:womens-rights"]);
  });

  it("indexes the text with English stemming: 'discriminate' finds 'discrimination'", async () => {
    const { rows } = await database.executeSql(
      "select count(*)::int as n from recommendations where search @@ websearch_to_tsquery('english', 'discriminate')",
    );
    const { rows: plain } = await database.executeSql(
      "select count(*)::int as n from recommendations where text ilike '%discrimination%'",
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(Number(plain[0]?.n));
  });

  it("imports voluntary pledges as their own kind, reading UPR Info's older labels", async () => {
    const all = (await readFile(path.join(SHARED, "upr-voluntary-pledges-sessions-01-19.csv"), "utf8")).split("\n");
    const nhri = all.filter((l) => l.includes(";NHRI") || l.includes(",NHRI,")).slice(0, 3);
    const report = await importRecommendations(
      { actor: system, file: await file("pledges.csv", [...all.slice(1, 21), ...nhri]), skipInvalid: false },
      database,
    );
    expect(report.rejected).toBe(0);
    const pledges = await database.db
      .select()
      .from(recommendations)
      .where(eq(recommendations.kind, "voluntary-pledge"));
    expect(pledges.length).toBeGreaterThanOrEqual(20);
    expect(pledges.every((p) => p.response === null)).toBe(true);
    expect(pledges.some((p) => p.themes.includes("upr-info:national-human-rights-institution"))).toBe(true);
  });

  it("names missing columns", async () => {
    const wrong = path.join(dir, "wrong.csv");
    await writeFile(wrong, "id,text\nx,y\n");
    const asUprInfo = await importRecommendations(
      { actor: system, file: wrong, format: "upr-info", skipInvalid: false },
      database,
    );
    expect(asUprInfo.outcome).toBe("refused");
    expect(asUprInfo.problems[0]).toMatchObject({
      line: 1,
      field: expect.stringContaining("session"),
      code: "missing-upr-info-columns",
      message: "missing column(s) of the UPR Info export",
    });
    // Without `sur_iso3` the file is not recognised as a UPR Info export: item10's columns are asked for.
    const guessed = await importRecommendations({ actor: system, file: wrong, skipInvalid: false }, database);
    expect(guessed).toMatchObject({ outcome: "refused", format: "item10-csv" });
    expect(guessed.problems[0]).toMatchObject({
      line: 1,
      field: "mechanism, state_under_review",
      code: "missing-item10-columns",
      message: "missing column(s) of the item10 format",
    });
  });

  it("is for the secretariat and the platform only", async () => {
    await expect(
      importRecommendations({ actor: ANONYMOUS, file: await file("good.csv", lines), skipInvalid: false }, database),
    ).rejects.toThrow(ImportForbiddenError);
  });
});

describe("importing item10's own format", () => {
  const FIXTURES = path.resolve(import.meta.dirname, "../../../../test/fixtures");
  const csvLines = async () =>
    (await readFile(path.join(FIXTURES, "recommendations.item10.csv"), "utf8")).trimEnd().split("\n");
  const nor = async () =>
    database.db
      .select()
      .from(recommendations)
      .where(eq(recommendations.stateUnderReview, "NOR"))
      .orderBy(recommendations.key);

  it("refuses a CSV with one bad row whole, naming line and field; --skip-invalid stores the others", async () => {
    const rows = await csvLines();
    rows[3] = rows[3]!.replace(",NOR,ZAF,", ",NOR,ZZZ,");
    const bad = path.join(dir, "bad.item10.csv");
    await writeFile(bad, `${rows.join("\n")}\n`);
    const before = await count();
    const refused = await importRecommendations({ actor: system, file: bad, skipInvalid: false }, database);
    expect(refused).toMatchObject({ outcome: "refused", format: "item10-csv", rejected: 1, created: 0 });
    expect(refused.problems).toEqual([
      {
        line: 4,
        field: "recommending_states",
        code: "unknown-country",
        values: { value: "ZZZ" },
        message: 'unknown country: "ZZZ"',
      },
    ]);
    expect(refused.warnings).toEqual(['unknown column "Reviewer note" ignored']);
    expect(await count()).toBe(before);

    const skipped = await importRecommendations({ actor: system, file: bad, skipInvalid: true }, database);
    expect(skipped).toMatchObject({ outcome: "imported", created: 4, rejected: 1 });
    expect(await count()).toBe(before + 4);
    await database.db.delete(recommendations).where(eq(recommendations.stateUnderReview, "NOR"));
  });

  it("stores every mechanism from CSV, and the JSON Lines form of the same file changes nothing", async () => {
    const csv = await importRecommendations(
      { actor: system, file: path.join(FIXTURES, "recommendations.item10.csv"), skipInvalid: false },
      database,
    );
    expect(csv).toMatchObject({ outcome: "imported", created: 5, rejected: 0 });
    const stored = await nor();
    expect(stored.map((r) => r.mechanism).sort()).toEqual(["special-procedure", "treaty-body", "upr", "upr", "upr"]);
    expect(stored.find((r) => r.paragraph === "110.1")).toMatchObject({
      recommendingStates: ["FJI", "SVN"],
      themes: ["upr-info:torture-and-other-cid-treatment"],
      sdgs: ["16.10", "16"],
      response: "supported",
      documentSymbol: "A/HRC/43/4",
    });
    expect(stored.find((r) => r.body === "CEDAW")).toMatchObject({ response: null, sdgs: ["5.2", "5"] });

    const snapshot = JSON.stringify(stored);
    const jsonl = await importRecommendations(
      { actor: system, file: path.join(FIXTURES, "recommendations.item10.jsonl"), skipInvalid: false },
      database,
    );
    expect(jsonl).toMatchObject({ outcome: "unchanged", format: "item10-jsonl", unchanged: 5, created: 0, updated: 0 });
    expect(JSON.stringify(await nor())).toBe(snapshot);
  });

  it("updates a corrected row in place, matched by its document and paragraph", async () => {
    const rows = await csvLines();
    rows[3] = rows[3]!.replace(",Noted,", ",Supported,");
    const corrected = path.join(dir, "corrected.item10.csv");
    await writeFile(corrected, `${rows.join("\n")}\n`);
    const before = await count();
    const report = await importRecommendations({ actor: system, file: corrected, skipInvalid: false }, database);
    expect(report).toMatchObject({ outcome: "imported", created: 0, updated: 1, unchanged: 4 });
    expect(await count()).toBe(before);
    expect((await nor()).find((r) => r.paragraph === "110.3")?.response).toBe("supported");
  });

  it("names the line of a JSON Lines row that misses its text", async () => {
    const file = path.join(dir, "missing.jsonl");
    await writeFile(
      file,
      '{"mechanism":"upr","state_under_review":"NOR","text":"Ratify."}\n{"mechanism":"upr","state_under_review":"NOR"}\n',
    );
    const report = await importRecommendations({ actor: system, file, skipInvalid: false }, database);
    expect(report).toMatchObject({ outcome: "refused", rejected: 1 });
    expect(report.problems).toEqual([
      { line: 2, field: "text", code: "empty-text", values: {}, message: "empty text" },
    ]);
  });

  it("names the line a repeated recommendation first appeared on", async () => {
    const file = path.join(dir, "twice.jsonl");
    const row = '{"key":"nor-twice","mechanism":"upr","state_under_review":"NOR","text":"Ratify."}';
    await writeFile(file, `${row}\n\n${row}\n`);
    const report = await importRecommendations({ actor: system, file, skipInvalid: false }, database);
    expect(report.problems).toEqual([
      {
        line: 3,
        field: "key",
        code: "duplicate-key",
        values: { line: 1 },
        message: "same recommendation as line 1",
      },
    ]);
  });
});
