import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess } from "../support/server-process";

/** `npm start` as an operator meets it: a process that starts, serves, stops cleanly and keeps its data. */
describe("the embedded database across restarts", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "item10-lifecycle-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("stops cleanly on SIGTERM and on SIGINT, and keeps everything for the next start", async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(first.lines.find((l) => l.msg === "database ready")?.loaded).toHaveLength(4);
    const fiji = await fetch(`${first.url}/countries/FJI`);
    expect(await fiji.text()).toContain("Asia-Pacific Group");
    expect(await first.stop("SIGTERM")).toBe(0);
    expect(first.lines.map((l) => l.msg)).toContain("stopped cleanly");

    const second = await startServerProcess({ DATA_DIR: dataDir });
    // Nothing reloaded: the reference data was already there, unchanged.
    expect(second.lines.find((l) => l.msg === "database ready")).toMatchObject({
      loaded: [],
      unchanged: ["countries.json", "sdgs.json", "themes.json", "mechanisms.json"],
    });
    const api = await fetch(`${second.url}/api/v1/countries`);
    expect(((await api.json()) as { meta: { count: number } }).meta.count).toBe(195);
    expect(await second.stop("SIGINT")).toBe(0);
    expect(second.lines.map((l) => l.msg)).toContain("stopped cleanly");
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("on PostgreSQL (DATABASE_URL)", () => {
  it("serves the same pages", async () => {
    const server = await startServerProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL! });
    try {
      expect(server.lines.find((l) => l.msg === "database ready")?.database).toBe("postgres");
      const page = await (await fetch(`${server.url}/ar/countries`)).text();
      expect(page).toMatch(/<html lang="ar" dir="rtl">/);
      expect(page).toContain("فيجي");
      const sdgs = await (await fetch(`${server.url}/zh/sdgs`)).text();
      expect(sdgs.match(/<li id="goal-\d+">/g)).toHaveLength(17);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("runs as a worker-only process", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["src/main.ts", "--worker"], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL!, LOG_LEVEL: "info", UPR_DATA: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    const started = Date.now();
    while (!out.includes("job workers started") && Date.now() - started < 30_000)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("job workers started");
    expect(out).not.toContain("is listening");
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
  });
});

describe("bad configuration", () => {
  it("refuses to start and names the variable", async () => {
    await expect(startServerProcess({ PORT: "not-a-port" })).rejects.toThrow(/PORT/);
  });
});
