import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/** The operator's command line, run as a separate process on its own embedded database. */
function item10(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/item10.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

// One engine is enough: the command is the same process either way, and its database is its own.
describe.runIf(inject("testDatabaseKind") === "pglite")("npm run item10 -- import recommendations", () => {
  let dir: string;
  let bad: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "item10-cli-"));
    const rows = (await readFile("test/fixtures/recommendations.item10.csv", "utf8")).trimEnd().split("\n");
    rows[3] = rows[3]!.replace(",NOR,ZAF,", ",NOR,ZZZ,");
    bad = path.join(dir, "bad.item10.csv");
    await writeFile(bad, `${rows.join("\n")}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a file with one bad row, naming file, line and field; --skip-invalid stores the rest, once", async () => {
    const data = path.join(dir, "data");
    const refused = await item10(["import", "recommendations", bad], data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad.item10.csv:4: recommending_states: unknown country: "ZZZ"');
    expect(refused.stderr).toContain(
      "Refused: nothing was imported (5 rows: 0 new, 0 updated, 0 unchanged, 1 rejected)",
    );

    const skipped = await item10(["import", "recommendations", bad, "--skip-invalid"], data);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain("Imported (5 rows: 4 new, 0 updated, 0 unchanged, 1 rejected).");

    const again = await item10(["import", "recommendations", bad, "--skip-invalid"], data);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to change (5 rows: 0 new, 0 updated, 4 unchanged, 1 rejected).");
  }, 120_000);

  it("names a wrong --format", async () => {
    const wrong = await item10(["import", "recommendations", bad, "--format=xml"], path.join(dir, "data"));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--format must be one of upr-info, item10-csv, item10-jsonl");
  });
});
