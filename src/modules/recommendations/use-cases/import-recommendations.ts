import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { listCountries, listMechanisms, listSdgGoals, listVocabularies } from "../../reference-data";
import { detectFormat, type ImportFormat, readImportFile } from "../domain/import-file";
import {
  type Item10Vocabularies,
  normaliseHeader,
  parseItem10Row,
  REQUIRED_COLUMNS,
  unknownColumns,
} from "../domain/item10-format";
import { can } from "../domain/policy";
import { contentHash, type RecommendationInput, type RowProblem, rowProblem } from "../domain/recommendation";
import { parseUprInfoRow } from "../domain/upr-info";
import { recommendations } from "../schema";

export class ImportForbiddenError extends Error {}

export interface ImportReport {
  file: string;
  format: ImportFormat;
  outcome: "imported" | "refused" | "unchanged";
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: RowProblem[];
  warnings: string[];
}

/** What to import: a file on disk (gzip allowed), or the text of an uploaded file with its name. */
export type ImportSource = { file: string } | { name: string; text: string };

const BATCH = 500;

async function readSource(source: ImportSource): Promise<{ name: string; text: string }> {
  if ("text" in source) return source;
  const bytes = await readFile(source.file);
  const text = (source.file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  return { name: path.basename(source.file), text };
}

/** The reference vocabularies a row is checked against, read once per import. */
async function vocabulariesFor(actor: Actor, deps: { db: Db }) {
  const [countries, vocabularies, mechanisms, goals] = await Promise.all([
    listCountries({ actor, filter: {}, locale: "en" }, deps),
    listVocabularies({ actor }, deps),
    listMechanisms({ actor }, deps),
    listSdgGoals({ actor, withIndicators: false }, deps),
  ]);
  const states = new Set(countries.map((c) => c.iso3));
  return {
    upr: {
      states,
      uprInfoThemes: new Map(vocabularies.themes.filter((t) => t.scheme === "upr-info").map((t) => [t.label, t.code])),
    },
    item10: {
      states,
      bodies: new Set([
        ...mechanisms.treatyBodies.map((b) => b.code),
        ...mechanisms.specialProcedures.map((p) => p.code),
      ]),
      themeLabels: new Map(vocabularies.themes.map((t) => [t.label.toLowerCase(), t.code])),
      themeCodes: new Set(vocabularies.themes.map((t) => t.code)),
      affectedPersons: new Map(
        vocabularies.affectedPersons.flatMap((p) => [
          [p.label.toLowerCase(), p.code],
          [p.code, p.code],
        ]),
      ),
      sdgTargets: new Set(goals.flatMap((g) => g.targets.map((t) => t.code.toLowerCase()))),
    } satisfies Item10Vocabularies,
  };
}

/**
 * Imports a file of recommendations: a UPR Info export, or item10's own format in CSV or JSON
 * Lines (README). Every row is checked first; by default a file with any problem is refused
 * whole, so nothing half-lands; `skipInvalid` stores the valid rows and reports the rest. Rows
 * are matched on their stable key: importing the same file twice changes nothing.
 */
export async function importRecommendations(
  input: {
    actor: Actor;
    skipInvalid: boolean;
    format?: ImportFormat;
    /**
     * "whole" (the default): one transaction, so a failure stores nothing. "in-batches": a
     * transaction per 500 rows, so that a long import in the background leaves the embedded
     * database (one connection) free for pages between batches and its progress can be read.
     */
    commit?: "whole" | "in-batches";
    request?: AuditContext;
    onProgress?: (done: number, total: number) => void | Promise<void>;
  } & ImportSource,
  deps: { db: Db },
): Promise<ImportReport> {
  if (!can(input.actor, "recommendations.import")) throw new ImportForbiddenError();
  const { name, text: raw } = await readSource(input);
  const format = input.format ?? detectFormat(name, raw);
  const report: ImportReport = {
    file: name,
    format,
    outcome: "imported",
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    warnings: [],
  };
  const file = readImportFile(format, raw);
  report.rows = file.rows.length;
  if (file.problems.length > 0) {
    report.outcome = "refused";
    report.problems.push(...file.problems);
    report.rejected = report.rows;
    return report;
  }
  if (format !== "upr-info") {
    for (const column of unknownColumns(file.headers)) report.warnings.push(`unknown column "${column}" ignored`);
    const headers = new Set(file.headers.map(normaliseHeader));
    const missing = REQUIRED_COLUMNS.filter((c) => !headers.has(c));
    // A JSON Lines file has no header: a missing field is named on each row instead.
    if (format === "item10-csv" && missing.length > 0) {
      report.outcome = "refused";
      report.problems.push(rowProblem(1, missing.join(", "), "missing-item10-columns"));
      return report;
    }
  }

  const vocabularies = await vocabulariesFor(input.actor, deps);
  const valid: { value: RecommendationInput; hash: string }[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of file.rows) {
    const { value, problems } =
      format === "upr-info"
        ? parseUprInfoRow(record as Record<string, string>, line, vocabularies.upr)
        : parseItem10Row(record, line, vocabularies.item10);
    const keyField = format === "upr-info" ? "id" : "key";
    if (value && seen.has(value.key))
      problems.push(rowProblem(line, keyField, "duplicate-key", { line: seen.get(value.key)! }));
    if (!value || problems.length > 0) {
      report.problems.push(...problems);
      report.rejected++;
      continue;
    }
    seen.set(value.key, line);
    valid.push({ value, hash: contentHash(value) });
  }
  if (report.rejected > 0 && !input.skipInvalid) {
    report.outcome = "refused";
    return report;
  }

  const existing = new Map<string, string>();
  for (let i = 0; i < valid.length; i += 5_000) {
    const keys = valid.slice(i, i + 5_000).map((v) => v.value.key);
    const rows = await deps.db
      .select({ key: recommendations.key, hash: recommendations.contentHash })
      .from(recommendations)
      .where(inArray(recommendations.key, keys));
    for (const r of rows) existing.set(r.key, r.hash);
  }
  const changed = valid.filter((v) => existing.get(v.value.key) !== v.hash);
  report.created = changed.filter((v) => !existing.has(v.value.key)).length;
  report.updated = changed.length - report.created;
  report.unchanged = valid.length - changed.length;
  if (changed.length === 0) {
    report.outcome = "unchanged";
    return report;
  }

  const source = `${format}:${report.file}`;
  const write = async (db: Db, batch: typeof changed) => {
    const rows = batch.map(({ value, hash }) => ({
      ...value,
      source,
      contentHash: hash,
      importedBy: input.actor.kind === "user" ? input.actor.userId : null,
    }));
    await db
      .insert(recommendations)
      .values(rows)
      .onConflictDoUpdate({
        target: recommendations.key,
        set: {
          ...Object.fromEntries(
            Object.keys(rows[0]!)
              .filter((k) => k !== "key")
              // Drizzle names columns in snake case; `excluded` is the incoming row.
              .map((k) => [k, sql.raw(`excluded."${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`)]),
          ),
          updatedAt: sql`now()`,
        },
      });
  };
  const audit = (db: Db) =>
    recordAudit(
      db,
      input.actor,
      {
        action: "recommendations.import",
        subjectType: "import",
        subjectId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
        after: {
          file: report.file,
          format,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        },
      },
      input.request,
    );

  if (input.commit === "in-batches") {
    // Every row was checked above, so batches can only fail for reasons outside the file (the
    // database going away); the run is then repeated whole, and keys make the repeat converge.
    for (let i = 0; i < changed.length; i += BATCH) {
      await deps.db.transaction((tx) => write(tx as unknown as Db, changed.slice(i, i + BATCH)));
      await input.onProgress?.(Math.min(i + BATCH, changed.length), changed.length);
    }
    await deps.db.transaction((tx) => audit(tx as unknown as Db));
  } else {
    await deps.db.transaction(async (tx) => {
      for (let i = 0; i < changed.length; i += BATCH) {
        await write(tx as unknown as Db, changed.slice(i, i + BATCH));
        await input.onProgress?.(Math.min(i + BATCH, changed.length), changed.length);
      }
      await audit(tx as unknown as Db);
    });
  }
  // New rows wait in the text index's pending list until a vacuum merges them, and the embedded
  // database never vacuums by itself: after a bulk import every search would scan that backlog.
  if (changed.length >= BATCH) await deps.db.execute(sql`vacuum analyze recommendations`);
  return report;
}
