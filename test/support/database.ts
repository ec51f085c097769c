import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/platform/db/database";

/**
 * A real, migrated database with the reference data loaded, private to the calling test file:
 * in-memory PGlite, or a fresh PostgreSQL database cloned from the run's template.
 * Which one is decided by ITEM10_TEST_DB, so the same tests run on both engines.
 */
export async function createTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const template = inject("testDatabaseTemplate");
  if (inject("testDatabaseKind") === "pglite") {
    const image = new Blob([await readFile(template)]);
    const database = await openPglite({ image });
    return Object.assign(database, { dispose: () => database.close() });
  }
  const adminUrl = inject("testDatabaseAdminUrl");
  // Named after the template, so the run's teardown drops them all once every connection is gone.
  const name = `${template}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return Object.assign(database, {
    dispose: () => database.close(),
  });
}
