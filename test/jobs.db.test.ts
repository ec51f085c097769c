import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { countries } from "../src/modules/reference-data/schema";
import { startTestPlatform } from "./support/platform";

const lines: Record<string, unknown>[] = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

let app: Awaited<ReturnType<typeof startTestPlatform>>;
beforeAll(async () => {
  app = await startTestPlatform({ jobs: true, pages: false, logger });
});
afterAll(async () => {
  await app.stop();
});

async function waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = lines.find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no such log line within ${timeoutMs} ms; saw: ${lines.map((l) => l.msg).join(" | ")}`);
}

it("schedules every module's jobs in the database, in UTC", async () => {
  const { rows } = await app.database.executeSql("select name, cron, timezone from pgboss.schedule order by name");
  expect(rows).toEqual([
    { name: "accounts-purge-expired-sessions", cron: "7 * * * *", timezone: "UTC" },
    { name: "demo-content", cron: "* * * * *", timezone: "UTC" },
    { name: "mail-deliver", cron: "* * * * *", timezone: "UTC" },
    { name: "matching-refresh", cron: "* * * * *", timezone: "UTC" },
    { name: "notifications-digest", cron: "0 6 * * *", timezone: "UTC" },
    { name: "recommendations-import", cron: "* * * * *", timezone: "UTC" },
    { name: "recommendations-suggest", cron: "41 2 * * *", timezone: "UTC" },
    { name: "reference-data-integrity-check", cron: "15 2 * * *", timezone: "UTC" },
  ]);
});

it("runs the check on demand and logs what it found", async () => {
  await app.platform.jobs?.trigger("reference-data-integrity-check");
  const done = await waitForLog((l) => l.msg === "reference data is complete");
  expect(done).toMatchObject({ job: "reference-data-integrity-check", findings: 0 });
});

it("logs a warning naming the problem when the data is damaged", async () => {
  await app.database.db.update(countries).set({ regionalGroup: null }).where(eq(countries.iso3, "KEN"));
  await app.platform.jobs?.trigger("reference-data-integrity-check");
  const warning = await waitForLog((l) => l.level === 40);
  expect(JSON.stringify(warning.findings)).toContain("KEN is a Member State with no regional group");
});
