import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { seedDemoAccounts } from "../../src/modules/accounts";
import { ensureMatchWeights } from "../../src/modules/matching";
import { loadReferenceData } from "../../src/modules/reference-data";
import { ensureScreeningCriteria } from "../../src/modules/requests";
import { systemActor } from "../../src/platform/actor";
import { REFERENCE_DIR } from "../../src/platform/boot";
import { openPglite, openPostgres } from "../../src/platform/db/database";
import { migrateDatabase } from "../../src/platform/db/migrate";

/**
 * Builds one migrated database with the reference data loaded, once per run; each test file
 * then starts from its own copy (a PGlite data-directory image, or a PostgreSQL TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const kind = process.env.ITEM10_TEST_DB === "postgres" ? "postgres" : "pglite";
  project.provide("testDatabaseKind", kind);
  if (kind === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "item10-test-"));
    const database = await openPglite();
    await migrateDatabase(database);
    await loadReferenceData({ actor: systemActor("test") }, { db: database.db, referenceDir: REFERENCE_DIR });
    await seedDemoAccounts(database.db);
    await ensureScreeningCriteria(database.db);
    await ensureMatchWeights(database.db);
    const image = path.join(dir, "template.tar");
    const blob = await database.dumpImage?.();
    if (!blob) throw new Error("PGlite could not dump its data directory");
    await writeFile(image, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    project.provide("testDatabaseTemplate", image);
    return async () => rm(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("ITEM10_TEST_DB=postgres needs TEST_DATABASE_URL (npm test starts a cluster itself)");
  const template = `item10_template_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const database = await openPostgres(templateUrl);
  await migrateDatabase(database);
  await loadReferenceData({ actor: systemActor("test") }, { db: database.db, referenceDir: REFERENCE_DIR });
  await seedDemoAccounts(database.db);
  await ensureScreeningCriteria(database.db);
  await ensureMatchWeights(database.db);
  await database.close();
  project.provide("testDatabaseTemplate", template);
  project.provide("testDatabaseAdminUrl", adminUrl);
  return async () => {
    const { rows } = await admin.query("select datname from pg_database where datname like $1", [`${template}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseKind: "pglite" | "postgres";
    testDatabaseTemplate: string;
    testDatabaseAdminUrl: string;
  }
}
