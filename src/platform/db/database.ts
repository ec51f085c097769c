import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Config } from "../config";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one query interface every store uses, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Plain SQL for the job queue and health checks; multi-statement text when no values are given. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tar image, to start copies from (tests). */
  dumpImage?(): Promise<Blob>;
}

export async function openDatabase(database: Config["database"]): Promise<Database> {
  return database.kind === "pglite" ? openPglite({ dataDir: database.dataDir }) : openPostgres(database.url);
}

/**
 * Embedded PostgreSQL (WASM). It is a single connection: PGlite queues statements itself,
 * and transactions take it exclusively, so callers need no extra locking.
 * Without `dataDir` the database lives in memory (tests); `image` starts it from a dump.
 */
export async function openPglite(options: { dataDir?: string; image?: Blob } = {}): Promise<Database> {
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.image ? { loadDataDir: options.image } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      if (!client.closed) await client.close();
    },
    dumpImage: () => client.dumpDataDir("none"),
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: "item10",
    // Our queries are short and answer people waiting for a page: compiling them with LLVM (JIT)
    // costs more than it saves (it added 100 ms to searches over 500,000 recommendations).
    options: "-c jit=off",
  });
  // An idle client whose server connection dropped (restart, failover) is discarded by the pool and
  // replaced on next use; without a listener Node would treat it as a crash. Query errors still reach callers.
  pool.on("error", () => {});
  // Fail at boot, with the server's own words, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement text answers with one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    async close() {
      await pool.end();
    },
  };
}
