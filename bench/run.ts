/**
 * `npm run bench`. Needs the production build (`npm run build`) for the page benchmarks.
 * Every figure is a ratio against a baseline measured in the same run.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadReferenceData } from "../src/modules/reference-data";
import { referenceDatasets } from "../src/modules/reference-data/schema";
import { systemActor } from "../src/platform/actor";
import { BUILD_DIR, loadPagesBuild, REFERENCE_DIR, startPlatform } from "../src/platform/boot";
import { loadConfig } from "../src/platform/config";
import { openPglite } from "../src/platform/db/database";
import { migrateDatabase } from "../src/platform/db/migrate";
import { createLogger } from "../src/platform/logger";
import { compare } from "./harness";

const system = systemActor("bench");
const results: boolean[] = [];

// 1. Restart cost: reloading unchanged reference files must be a small fraction of a first load.
{
  const database = await openPglite();
  await migrateDatabase(database);
  const deps = { db: database.db, referenceDir: REFERENCE_DIR };
  results.push(
    await compare({
      title: "reference data at start: unchanged files (restart) vs a full load",
      baseline: {
        name: "full load (upsert of 195 States, 438 SDG rows, themes, mechanisms)",
        run: async () => {
          await database.db.delete(referenceDatasets);
          await loadReferenceData({ actor: system }, deps);
        },
      },
      subject: { name: "restart with unchanged files", run: () => loadReferenceData({ actor: system }, deps) },
      maxRatio: 0.25,
      rounds: 10,
    }),
  );
  await database.close();
}

// 2. What rendering a page costs on top of the HTTP chain itself.
if (!existsSync(path.join(BUILD_DIR, "server/index.js"))) {
  console.error("Run `npm run build` first: the page benchmarks need the production build.");
  process.exit(1);
}
{
  const database = await openPglite();
  await migrateDatabase(database);
  await loadReferenceData({ actor: system }, { db: database.db, referenceDir: REFERENCE_DIR });
  const platform = await startPlatform({
    config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" }),
    logger: createLogger("silent"),
    database,
    web: true,
    jobs: false,
    pages: await loadPagesBuild(),
  });
  const get = (p: string) => async () => {
    const response = await platform.fetch(
      new Request(`http://localhost${p}`, { headers: { "accept-encoding": "gzip" } }),
    );
    if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
    await response.arrayBuffer();
  };
  const health = { name: "GET /healthz (same middleware chain, one query)", run: get("/healthz") };
  const requests: [title: string, path: string, maxRatio: number][] = [
    ["GET /en/countries (195 rows, sorted by locale)", "/en/countries", 30],
    ["GET /ar/sdgs (17 goals, 169 targets)", "/ar/sdgs", 30],
    ["GET /api/v1/countries (JSON, six languages)", "/api/v1/countries", 20],
  ];
  for (const [title, path, maxRatio] of requests)
    results.push(await compare({ title, baseline: health, subject: { name: path, run: get(path) }, maxRatio }));
  await platform.close();
  await database.close();
}

process.exit(results.every(Boolean) ? 0 : 1);
