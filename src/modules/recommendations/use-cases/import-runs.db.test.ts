import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { loadPagesBuild } from "../../../platform/boot";
import { createLogger } from "../../../platform/logger";
import { recommendationImports, recommendations } from "../schema";
import { ImportForbiddenError } from "./import-recommendations";
import { BUNDLED_FILES, importsInProgress, queueBundledImports, queueUpload, runQueuedImports } from "./import-runs";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../test/fixtures");
const system = systemActor("test");
let app: Awaited<ReturnType<typeof startTestPlatform>>;
let csv: string;
const deps = () => ({ db: app.database.db, jobs: null, referenceDir: FIXTURES, logger: createLogger("silent") });
const runOf = async (id: string) =>
  (await app.database.db.select().from(recommendationImports).where(eq(recommendationImports.id, id)))[0]!;

beforeAll(async () => {
  app = await startTestPlatform({ pages: true });
  csv = await readFile(path.join(FIXTURES, "recommendations.item10.csv"), "utf8");
});
afterAll(async () => {
  await app.stop();
});

describe("import runs", () => {
  it("imports a queued upload in the background, recording progress and the report", async () => {
    const id = await queueUpload({ actor: system, name: "norway.csv", text: csv, skipInvalid: false }, deps());
    expect(await runOf(id)).toMatchObject({ status: "queued", format: "item10-csv", done: 0 });
    expect(await importsInProgress({ actor: ANONYMOUS }, deps())).toEqual([
      { fileName: "norway.csv", status: "queued", done: 0, total: 0 },
    ]);
    expect(await runQueuedImports(deps())).toBe(1);
    const run = await runOf(id);
    expect(run).toMatchObject({ status: "imported", done: 5, total: 5, content: null });
    expect(run.report).toMatchObject({
      rows: 5,
      created: 5,
      rejected: 0,
      warnings: ['unknown column "Reviewer note" ignored'],
    });
    expect(await importsInProgress({ actor: ANONYMOUS }, deps())).toEqual([]);
    // Nothing left: a second pass finds no work.
    expect(await runQueuedImports(deps())).toBe(0);
  });

  it("refuses a bad upload whole and keeps its problems on the run", async () => {
    const before = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(recommendations);
    const bad = csv.replace(",NOR,URY,", ",NOR,XYZ,").replace("110.1", "999.1");
    const id = await queueUpload({ actor: system, name: "bad.csv", text: bad, skipInvalid: false }, deps());
    await runQueuedImports(deps());
    const run = await runOf(id);
    expect(run.status).toBe("refused");
    expect(run.report).toMatchObject({
      rejected: 1,
      problemCount: 1,
      problems: [
        {
          line: 3,
          field: "recommending_states",
          code: "unknown-country",
          values: { value: "XYZ" },
          message: 'unknown country: "XYZ"',
        },
      ],
    });
    const after = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(recommendations);
    expect(after).toEqual(before);
  });

  it("is for the secretariat only", async () => {
    await expect(
      queueUpload({ actor: ANONYMOUS, name: "x.csv", text: csv, skipInvalid: false }, deps()),
    ).rejects.toThrow(ImportForbiddenError);
  });

  it("queues the shipped data once, and queues again a run a stop interrupted", async () => {
    expect(await queueBundledImports({ actor: system, singleProcess: true }, deps())).toBe(true);
    const bundled = () =>
      app.database.db.select().from(recommendationImports).where(sql`${recommendationImports.sourcePath} is not null`);
    expect((await bundled()).map((r) => [r.sourcePath, r.status])).toEqual(BUNDLED_FILES.map((f) => [f, "queued"]));
    await app.database.db
      .update(recommendationImports)
      .set({ status: "running" })
      .where(eq(recommendationImports.sourcePath, BUNDLED_FILES[0]!));
    // Several workers: a run started a moment ago belongs to a live worker and is left alone.
    await queueBundledImports({ actor: system, singleProcess: false }, deps());
    expect((await bundled()).map((r) => r.status).sort()).toEqual(["queued", "running"]);
    await queueBundledImports({ actor: system, singleProcess: true }, deps());
    expect(await bundled()).toHaveLength(2);
    expect((await bundled()).every((r) => r.status === "queued")).toBe(true);
    await app.database.db.delete(recommendationImports).where(sql`${recommendationImports.sourcePath} is not null`);
  });
});

describe("the upload page", () => {
  it("takes a file from a signed-in officer and shows the run's report once the job ran", async () => {
    await loadPagesBuild();
    const officer = new Browser(app.request);
    await officer.signIn("secretariat@example.org");
    const empty = await officer.upload("/en/secretariat/imports", { format: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Choose a file to import");

    const file = new File([csv.replace(/110\.(\d)/g, "210.$1")], "upload.item10.csv", { type: "text/csv" });
    const sent = await officer.upload("/en/secretariat/imports", { file, format: "item10-csv" });
    expect(sent.status).toBe(302);
    const queued = await (await officer.request("/en/secretariat/imports")).text();
    expect(queued).toContain("The file was received.");
    expect(queued).toContain("upload.item10.csv");
    expect(queued).toContain("Waiting to start");

    await runQueuedImports(deps());
    const done = await (await officer.request("/en/secretariat/imports")).text();
    expect(done).toMatch(/5 rows: 3 new, 0 updated, 2 unchanged, 0 rejected/);
  });

  it("names each problem in the reader's language, and an older run's in the English it kept", async () => {
    await loadPagesBuild();
    const officer = new Browser(app.request);
    await officer.signIn("secretariat@example.org");
    const bad = new File([csv.replace(",NOR,URY,", ",NOR,QQQ,")], "mauvais.csv", { type: "text/csv" });
    expect((await officer.upload("/fr/secretariat/imports", { file: bad, format: "" })).status).toBe(302);
    await runQueuedImports(deps());
    // A report stored before problems had codes.
    await app.database.db.insert(recommendationImports).values({
      fileName: "ancien.csv",
      format: "item10-csv",
      status: "refused",
      report: {
        rows: 1,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        format: "item10-csv",
        warnings: [],
        problems: [{ line: 2, field: "text", message: "empty text" }],
        problemCount: 1,
      },
    });
    const page = await (await officer.request("/fr/secretariat/imports")).text();
    expect(page).toContain("mauvais.csv");
    expect(page).toContain("<td>pays inconnu : « QQQ »</td>");
    expect(page).not.toContain('unknown country: "QQQ"');
    expect(page).toContain('<td lang="en">empty text</td>');
  });
});
