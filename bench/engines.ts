/**
 * The two engines the benchmarks run on, each handing out fresh, migrated databases with the
 * reference data loaded: in-memory PGlite, and PostgreSQL — the server BENCH_DATABASE_URL names,
 * or a throwaway cluster started like the test suite's (scripts/pg-test-cluster.sh) and stopped at the end.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { loadReferenceData } from "../src/modules/reference-data";
import { systemActor } from "../src/platform/actor";
import { REFERENCE_DIR } from "../src/platform/boot";
import { type Database, openPglite, openPostgres } from "../src/platform/db/database";
import { migrateDatabase } from "../src/platform/db/migrate";
import { freePort } from "../test/support/server-process";

export interface Engine {
  kind: Database["kind"];
  /** A new, empty database, migrated, with the reference data; `close()` drops it. */
  freshDatabase(): Promise<Database>;
  stop(): Promise<void>;
}

async function prepare(database: Database): Promise<Database> {
  await migrateDatabase(database);
  await loadReferenceData({ actor: systemActor("bench") }, { db: database.db, referenceDir: REFERENCE_DIR });
  return database;
}

export function pgliteEngine(): Engine {
  return {
    kind: "pglite",
    freshDatabase: async () => prepare(await openPglite()),
    stop: async () => {},
  };
}

function capture(command: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    // The benchmark's server is sized as a PostgreSQL on this machine (23 GB) would be, where the
    // 500,000-row table and its indexes fit in the buffer pool; the tests' clusters keep 256 MB.
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PG_SHARED_BUFFERS: process.env.PG_SHARED_BUFFERS ?? "1GB" },
    });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout }));
    child.on("error", () => resolve({ code: 127, stdout }));
  });
}

/**
 * Each fresh database is created next to the one the URL names and dropped on close, so a
 * developer's own database is never written to.
 */
export async function postgresEngine(): Promise<Engine> {
  let url = process.env.BENCH_DATABASE_URL;
  let cluster: string | null = null;
  if (!url) {
    cluster = path.join(await mkdtemp(path.join(tmpdir(), "item10-bench-")), "pg");
    const started = await capture("bash", ["scripts/pg-test-cluster.sh", "start", cluster, String(await freePort())]);
    if (started.code !== 0) throw new Error("could not start a PostgreSQL cluster (scripts/pg-test-cluster.sh)");
    url = started.stdout.trim();
  }
  const adminUrl = url;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    kind: "postgres",
    async freshDatabase() {
      const name = `item10_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      await admin(`create database ${name}`);
      const target = new URL(adminUrl);
      target.pathname = `/${name}`;
      const database = await openPostgres(target.toString());
      const close = database.close;
      database.close = async () => {
        await close();
        await admin(`drop database if exists ${name}`);
      };
      return prepare(database);
    },
    async stop() {
      if (cluster) {
        await capture("bash", ["scripts/pg-test-cluster.sh", "stop", cluster]);
        await rm(path.dirname(cluster), { recursive: true, force: true });
      }
    },
  };
}
