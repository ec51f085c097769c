/**
 * `npm run bench`. Needs the production build (`npm run build`) for the page benchmarks.
 * Every figure is a ratio against a baseline measured in the same run.
 *
 * The default is the whole scope; to run a part (e.g. `BENCH_ONLY=search BENCH_SCALE=100000 npx tsx bench/run.ts`):
 *   BENCH_ONLY     comma-separated parts: reference, pages, import, search, classifier, matching (default: all)
 *   BENCH_MATCHING_SIZE  open requests and open offers each in the matching market (default 10000); the
 *                  matching part runs it in memory, then stored as rows on each engine of BENCH_ENGINES
 *   BENCH_ENGINES  pglite, postgres (default: both); PostgreSQL is BENCH_DATABASE_URL's server (each
 *                  benchmark database is created next to it and dropped) or a throwaway cluster
 *   BENCH_SCALE    rows of the synthetic scale-up searched after the real data (default 500000; 0: none)
 *   BENCH_PGLITE_SCALE  the same for PGlite (default: BENCH_SCALE)
 *   BENCH_ROUNDS   rounds of every search by the use case at most (default 10); the direct SQL baseline and
 *                  the naive ILIKE scan, far slower at scale, take part in a third of them, spread over the run
 *   BENCH_SEARCH_SECONDS  the slow baselines start no new round after this time (default 150 s on the
 *                  scale-up, half on the real data), the use case none after twice this time: a slow
 *                  search shortens the run, never the opposite
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { importRecommendations } from "../src/modules/recommendations";
import { loadReferenceData } from "../src/modules/reference-data";
import { referenceDatasets } from "../src/modules/reference-data/schema";
import { systemActor } from "../src/platform/actor";
import { BUILD_DIR, loadPagesBuild, REFERENCE_DIR, startPlatform } from "../src/platform/boot";
import { loadConfig } from "../src/platform/config";
import { openPglite } from "../src/platform/db/database";
import { migrateDatabase } from "../src/platform/db/migrate";
import { createLogger } from "../src/platform/logger";
import { benchClassifier } from "./classifier";
import { driverOf } from "./driver";
import { type Engine, pgliteEngine, postgresEngine } from "./engines";
import { compare, whole } from "./harness";
import { benchMatching } from "./matching";
import { benchMatchingDb } from "./matching-db";
import { benchImport, PLEDGES_FILE, RECOMMENDATIONS_FILE } from "./recommendations-import";
import { benchSearch, scaleUp, tagSdgsFromThemes } from "./recommendations-search";

const PARTS = ["reference", "pages", "import", "search", "classifier", "matching"];
const only = new Set((process.env.BENCH_ONLY ?? PARTS.join(",")).split(",").map((s) => s.trim()));
const unknown = [...only].filter((p) => !PARTS.includes(p));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown part(s) ${unknown.join(", ")}; parts are ${PARTS.join(", ")}`);
  process.exit(2);
}
const engines = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",").map((s) => s.trim());
const scale = Number(process.env.BENCH_SCALE ?? 500_000);
const pgliteScale = Number(process.env.BENCH_PGLITE_SCALE ?? scale);
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const budget = Number(process.env.BENCH_SEARCH_SECONDS ?? 150);
const FULL_SCALE = 500_000;

const system = systemActor("bench");
const results: boolean[] = [];
const began = performance.now();

// 1. Restart cost: reloading unchanged reference files must be a small fraction of a first load.
if (only.has("reference")) {
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
if (only.has("pages")) {
  if (!existsSync(path.join(BUILD_DIR, "server/index.js"))) {
    console.error("Run `npm run build` first: the page benchmarks need the production build.");
    process.exit(1);
  }
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

// 3. The recommendation index on both engines: import of the real export, then search on the
// real data and on the synthetic scale-up.
if (only.has("import") || only.has("search")) {
  for (const kind of engines) {
    const engine: Engine = kind === "pglite" ? pgliteEngine() : await postgresEngine();
    const section = (text: string) =>
      console.log(`\n━━ ${kind}: ${text} (${((performance.now() - began) / 1000).toFixed(0)} s into the run)`);
    try {
      const database = await engine.freshDatabase();
      try {
        if (only.has("import")) {
          section("import");
          results.push(await benchImport(database, kind));
        } else {
          for (const file of [RECOMMENDATIONS_FILE, PLEDGES_FILE])
            await importRecommendations({ actor: system, file, skipInvalid: false }, { db: database.db });
        }
        if (only.has("search")) {
          const tagged = await tagSdgsFromThemes(database);
          console.log(`\n${whole(tagged)} rows given the SDG goals their themes link to (for the SDG facet)`);
          await driverOf(database).query("vacuum analyze recommendations");
          section("search on the real data");
          results.push(
            await benchSearch(database, {
              label: `${kind} · real data`,
              rounds,
              directRounds: Math.ceil(rounds / 3),
              ilikeRounds: Math.ceil(rounds / 3),
              budgetSeconds: budget / 2,
            }),
          );
          const target = kind === "pglite" ? pgliteScale : scale;
          if (target > 0) {
            section(`scale-up to ${whole(target)} rows`);
            const grown = await scaleUp(database, target);
            console.log(
              `${whole(grown.rows)} rows after ${grown.seconds.toFixed(1)} s (INSERT … SELECT, VACUUM ANALYZE)`,
            );
            const full = grown.rows >= FULL_SCALE;
            section(`search on ${whole(grown.rows)} rows`);
            if (kind === "postgres" && !full)
              console.log(`(the limits are enforced at ${whole(FULL_SCALE)} rows only: this run is smaller)`);
            results.push(
              await benchSearch(database, {
                label: `${kind} · ${whole(grown.rows)} rows`,
                rounds,
                directRounds: Math.ceil(rounds / 3),
                ilikeRounds: Math.ceil(rounds / 3),
                budgetSeconds: budget,
                ...(kind === "postgres" && full ? { limits: { p95: 100, ratio: 1.5 } } : {}),
              }),
            );
          }
        }
      } finally {
        await database.close();
      }
    } finally {
      await engine.stop();
    }
  }
}

// 4. The theme and SDG classifier against the most-frequent-labels baseline (bench/classifier.ts).
if (only.has("classifier")) results.push(await benchClassifier());

// 5. Suggestions: the engine's full recomputation and one update against brute force, first in
// memory (bench/matching.ts), then stored as rows on each engine through the refresh use case
// (bench/matching-db.ts). The in-memory run stays at the same size although each database run
// repeats a brute force (some 45 s at 10,000 × 10,000): it is the engine alone, without a
// database, so a slow database run tells at once whether the engine or the I/O slowed down.
if (only.has("matching")) {
  const size = Number(process.env.BENCH_MATCHING_SIZE ?? 10_000);
  results.push(await benchMatching({ size, updates: 100 }));
  for (const kind of engines) {
    const engine: Engine = kind === "pglite" ? pgliteEngine() : await postgresEngine();
    console.log(`\n━━ ${kind}: matching (${((performance.now() - began) / 1000).toFixed(0)} s into the run)`);
    try {
      const database = await engine.freshDatabase();
      try {
        results.push(await benchMatchingDb(database, { size, updates: 50 }));
      } finally {
        await database.close();
      }
    } finally {
      await engine.stop();
    }
  }
}

console.log(
  `\n${results.every(Boolean) ? "all benchmarks within their limits" : "SLOW: some benchmarks missed their limits"} (${((performance.now() - began) / 1000).toFixed(0)} s)`,
);
process.exit(results.every(Boolean) ? 0 : 1);
