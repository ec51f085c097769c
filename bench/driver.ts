/**
 * The database driver under Drizzle (the PGlite client or the node-postgres pool that
 * src/platform/db/database.ts opened), for baselines that skip the application's query layer,
 * and a recording copy of the application's `Db` that notes every statement it sends.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type pg from "pg";
import type { Database, Db } from "../src/platform/db/database";
import * as schema from "../src/platform/db/schema";

export interface Driver {
  /** One statement, rows as arrays (as Drizzle asks for them). */
  query(text: string, params?: unknown[]): Promise<unknown[]>;
  /** Statements on one connection inside BEGIN … COMMIT. */
  transaction(fn: (query: Driver["query"]) => Promise<void>): Promise<void>;
}

function clientOf(database: Database): PGlite | pg.Pool {
  // Drizzle keeps the client it was built on as `$client`.
  return (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
}

export function driverOf(database: Database): Driver {
  if (database.kind === "pglite") {
    const client = clientOf(database) as PGlite;
    return {
      query: async (text, params) => (await client.query(text, params, { rowMode: "array" })).rows,
      transaction: async (fn) => {
        await client.transaction(async (tx) => {
          await fn(async (text, params) => (await tx.query(text, params, { rowMode: "array" })).rows);
        });
      },
    };
  }
  const pool = clientOf(database) as pg.Pool;
  return {
    query: async (text, params) => (await pool.query({ text, values: params, rowMode: "array" })).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await fn(async (text, params) => (await client.query({ text, values: params, rowMode: "array" })).rows);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * A `Db` over the same connection that records what it sends. Statements sent before the event
 * loop turns are one wave (sent together, as `Promise.all` does); a statement that waited for an
 * answer opens the next wave. On PGlite, which runs one statement at a time, waves only keep the order.
 * `record` returns the waves of one call, so that the same `Db` (and what the application caches
 * for it, such as the facet index) can record search after search.
 */
export function recordingDb(database: Database): {
  db: Db;
  record: (fn: (db: Db) => Promise<unknown>) => Promise<Statement[][]>;
} {
  const waves: Statement[][] = [];
  let open: Statement[] | null = null;
  const logger: Logger = {
    logQuery(text, params) {
      if (!open) {
        open = [];
        waves.push(open);
        setImmediate(() => {
          open = null;
        });
      }
      open.push({ text, params: [...params] });
    },
  };
  const client = clientOf(database);
  const db =
    database.kind === "pglite"
      ? (drizzlePglite(client as PGlite, { schema, logger }) as unknown as Db)
      : (drizzlePg(client as pg.Pool, { schema, logger }) as unknown as Db);
  const record = async (fn: (db: Db) => Promise<unknown>) => {
    waves.splice(0);
    await fn(db);
    // Lets the last wave close, so that the next call starts a wave of its own.
    await new Promise((resolve) => setImmediate(resolve));
    return waves.splice(0);
  };
  return { db, record };
}

const TRANSACTION_CONTROL = /^\s*(begin|start transaction|commit|rollback|end)\b/i;

/**
 * Sends recorded waves straight to the driver: each wave's statements together, waves in order.
 * Statements the use case ran inside a transaction are replayed inside one, on one connection.
 */
export async function replay(driver: Driver, waves: Statement[][]): Promise<void> {
  const send = async (query: Driver["query"]) => {
    for (const wave of waves)
      await Promise.all(wave.filter((s) => !TRANSACTION_CONTROL.test(s.text)).map((s) => query(s.text, s.params)));
  };
  if (waves.some((w) => w.some((s) => TRANSACTION_CONTROL.test(s.text)))) await driver.transaction(send);
  else await send(driver.query);
}
