import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { listCountries, listVocabularies } from "../../reference-data";
import { can } from "../domain/policy";
import { contentHash, type RecommendationInput, type RowProblem } from "../domain/recommendation";
import { parseUprInfoRow, UPR_INFO_COLUMNS } from "../domain/upr-info";
import { recommendations } from "../schema";

export class ImportForbiddenError extends Error {}

export interface ImportReport {
  file: string;
  outcome: "imported" | "refused" | "unchanged";
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: RowProblem[];
  warnings: string[];
}

const BATCH = 500;

/**
 * Imports a UPR Info export. Every row is checked first; by default a file with any problem is
 * refused whole, so nothing half-lands; `skipInvalid` stores the valid rows and reports the rest.
 * Rows are matched on their stable key: importing the same file twice changes nothing.
 */
export async function importRecommendations(
  input: {
    actor: Actor;
    file: string;
    skipInvalid: boolean;
    request?: AuditContext;
    onProgress?: (done: number, total: number) => void;
  },
  deps: { db: Db },
): Promise<ImportReport> {
  if (!can(input.actor, "recommendations.import")) throw new ImportForbiddenError();
  const raw = await readFile(input.file, "utf8");
  const report: ImportReport = {
    file: path.basename(input.file),
    outcome: "imported",
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    warnings: [],
  };
  const records = parse(raw, { columns: true, bom: true, skip_empty_lines: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  report.rows = records.length;
  const header = Object.keys(records[0]?.record ?? {});
  const missing = UPR_INFO_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    report.outcome = "refused";
    report.problems.push({ line: 1, field: missing.join(", "), message: "missing column(s) of the UPR Info export" });
    return report;
  }

  const [countries, vocabularies] = await Promise.all([
    listCountries({ actor: input.actor, filter: {}, locale: "en" }, deps),
    listVocabularies({ actor: input.actor }, deps),
  ]);
  const states = new Set(countries.map((c) => c.iso3));
  const uprInfoThemes = new Map(
    vocabularies.themes.filter((t) => t.scheme === "upr-info").map((t) => [t.label, t.code]),
  );
  const valid: { value: RecommendationInput; hash: string }[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const { value, problems } = parseUprInfoRow(record, info.lines, { states, uprInfoThemes });
    if (value && seen.has(value.key))
      problems.push({ line: info.lines, field: "id", message: `same id as line ${seen.get(value.key)}` });
    if (!value || problems.length > 0) {
      report.problems.push(...problems);
      report.rejected++;
      continue;
    }
    seen.set(value.key, info.lines);
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

  const source = `upr-info:${report.file}`;
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH).map(({ value, hash }) => ({
        ...value,
        source,
        contentHash: hash,
        importedBy: input.actor.kind === "user" ? input.actor.userId : null,
      }));
      await db
        .insert(recommendations)
        .values(batch)
        .onConflictDoUpdate({
          target: recommendations.key,
          set: {
            ...Object.fromEntries(
              Object.keys(batch[0]!)
                .filter((k) => k !== "key")
                // Drizzle names columns in snake case; `excluded` is the incoming row.
                .map((k) => [k, sql.raw(`excluded."${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`)]),
            ),
            updatedAt: sql`now()`,
          },
        });
      input.onProgress?.(Math.min(i + BATCH, changed.length), changed.length);
    }
    await recordAudit(
      db,
      input.actor,
      {
        action: "recommendations.import",
        subjectType: "import",
        subjectId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
        after: {
          file: report.file,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        },
      },
      input.request,
    );
  });
  return report;
}
