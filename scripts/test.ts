/**
 * `npm test`: the whole suite, the same on a laptop and in CI.
 * Lint → typecheck → architecture rules → production build → tests on PGlite →
 * the database tests again on a throwaway PostgreSQL → browser tests in Chromium.
 * Every step runs even after a failure, so one run shows everything that is wrong;
 * the last line counts all tests as `Total: N passed, N failed`.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../test/support/server-process";

interface Outcome {
  step: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

const outcomes: Outcome[] = [];
const work = await mkdtemp(path.join(tmpdir(), "item10-test-run-"));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

function capture(command: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

function banner(text: string) {
  console.log(`\n━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

/** A check that is one test: it passes or fails as a whole. */
async function check(step: string, command: string, args: string[]) {
  banner(step);
  const started = performance.now();
  const code = await run(command, args);
  outcomes.push({
    step,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds: (performance.now() - started) / 1000,
  });
}

/** A Vitest run, counted test by test from its JSON report. */
async function vitest(step: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  banner(step);
  const started = performance.now();
  const report = path.join(work, `${step.replace(/\W+/g, "-")}.json`);
  const code = await run(
    "npx",
    ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  let counts = { passed: 0, failed: 1, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(await readFile(report, "utf8"));
    counts = {
      passed: json.numPassedTests,
      // A suite that failed to load has no failed tests but must still count.
      failed: json.numFailedTests + (json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
  }
  outcomes.push({ step, ...counts, seconds: (performance.now() - started) / 1000 });
}

function hasPostgresServer(): boolean {
  try {
    return readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

async function main() {
  banner("system packages");
  if (!existsSync("/usr/bin/chromium") || !hasPostgresServer()) {
    const code = await run("bash", ["scripts/install-system-packages.sh"]);
    if (code !== 0) console.error("Could not provide Chromium and PostgreSQL; the steps that need them will fail.");
  } else {
    console.log("Chromium and PostgreSQL are present");
  }

  await check("lint (Biome)", "npx", ["biome", "ci", "."]);
  await check("typecheck", "npm", ["run", "--silent", "typecheck"]);
  await check("architecture rules", "npm", ["run", "--silent", "arch"]);
  await check("production build", "npm", ["run", "--silent", "build"]);

  await vitest("unit and database tests on PGlite", [], { ITEM10_TEST_DB: "pglite" });

  let cluster: string | null = null;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    cluster = path.join(work, "pg");
    const started = await capture("bash", ["scripts/pg-test-cluster.sh", "start", cluster, String(await freePort())]);
    url = started.code === 0 ? started.stdout.trim() : undefined;
  }
  if (url) {
    await vitest("database tests on PostgreSQL", ["--project", "db"], {
      ITEM10_TEST_DB: "postgres",
      TEST_DATABASE_URL: url,
    });
  } else {
    outcomes.push({ step: "database tests on PostgreSQL (no server)", passed: 0, failed: 1, skipped: 0, seconds: 0 });
  }
  // The browser step also starts the real server on PostgreSQL (DATABASE_URL), so the cluster stays up until then.
  await vitest(
    "browser tests (Chromium, axe)",
    ["--config", "vitest.browser.config.ts"],
    url ? { TEST_DATABASE_URL: url } : {},
  );
  if (cluster) await run("bash", ["scripts/pg-test-cluster.sh", "stop", cluster]);

  banner("summary");
  for (const o of outcomes)
    console.log(
      `${o.failed > 0 ? "✗" : "✓"} ${o.step.padEnd(40)} ${String(o.passed).padStart(5)} passed ${String(o.failed).padStart(3)} failed ${o.skipped > 0 ? `${o.skipped} skipped ` : ""}(${o.seconds.toFixed(1)} s)`,
    );
  const total = outcomes.reduce(
    (t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
  await rm(work, { recursive: true, force: true });
  console.log(
    `Total: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
  );
  process.exit(total.failed > 0 ? 1 : 0);
}

await main();
