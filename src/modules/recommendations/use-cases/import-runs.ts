import path from "node:path";
import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import type { Logger } from "../../../platform/logger";
import { detectFormat, type ImportFormat } from "../domain/import-file";
import { can } from "../domain/policy";
import type { RowProblem } from "../domain/recommendation";
import { recommendationImports as runs } from "../schema";
import { ImportForbiddenError, type ImportReport, importRecommendations } from "./import-recommendations";

/** The job that works through queued import runs. */
export const IMPORT_JOB = "recommendations-import";

/** An upload is kept whole in the database until its run ends: bounded so one file cannot fill it. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

/** The real data shipped with the platform, loaded once on a first start (README, DATA-SOURCES.md). */
export const BUNDLED_FILES = [
  "upr-info/upr-recommendations-sessions-01-27.csv.gz",
  "upr-info/upr-voluntary-pledges-sessions-01-19.csv.gz",
];

export type ImportStatus = "queued" | "running" | "imported" | "unchanged" | "refused" | "failed";

export class UploadTooLargeError extends Error {}

/**
 * The secretariat uploads a file: it is stored with its run, and the import job takes it from
 * there, so a 60,000-row file never holds a request open. Returns the run's id.
 */
export async function queueUpload(
  input: {
    actor: Actor;
    name: string;
    text: string;
    format?: ImportFormat;
    skipInvalid: boolean;
    request?: AuditContext;
  },
  deps: { db: Db; jobs: { trigger(name: string): Promise<unknown> } | null },
): Promise<string> {
  if (!can(input.actor, "recommendations.import")) throw new ImportForbiddenError();
  if (Buffer.byteLength(input.text) > MAX_UPLOAD_BYTES) throw new UploadTooLargeError();
  const id = await deps.db.transaction(async (tx) => {
    const [run] = await tx
      .insert(runs)
      .values({
        fileName: path.basename(input.name),
        format: input.format ?? detectFormat(input.name, input.text),
        content: input.text,
        skipInvalid: input.skipInvalid,
        requestedBy: input.actor.kind === "user" ? input.actor.userId : null,
      })
      .returning({ id: runs.id });
    await recordAudit(
      tx as unknown as Db,
      input.actor,
      {
        action: "recommendations.import-queued",
        subjectType: "import-run",
        subjectId: run!.id,
        after: { file: path.basename(input.name), skipInvalid: input.skipInvalid },
      },
      input.request,
    );
    return run!.id;
  });
  await deps.jobs?.trigger(IMPORT_JOB);
  return id;
}

/**
 * On a first start, queues the shipped UPR data once; a run that a stop interrupted is queued
 * again (keys make the repeat converge). With one process (the embedded database) any run still
 * "running" at start was interrupted; with several workers only one silent for 30 minutes is.
 * Returns whether anything is waiting for the job.
 */
export async function queueBundledImports(
  input: { actor: Actor; singleProcess: boolean },
  deps: { db: Db; jobs: { trigger(name: string): Promise<unknown> } | null },
): Promise<boolean> {
  if (!can(input.actor, "recommendations.import")) throw new ImportForbiddenError();
  await deps.db
    .update(runs)
    .set({ status: "queued" })
    .where(
      input.singleProcess
        ? eq(runs.status, "running")
        : sql`${runs.status} = 'running' and ${runs.startedAt} < now() - interval '30 minutes'`,
    );
  const known = await deps.db
    .select({ sourcePath: runs.sourcePath })
    .from(runs)
    .where(inArray(runs.sourcePath, BUNDLED_FILES));
  const missing = BUNDLED_FILES.filter((f) => !known.some((k) => k.sourcePath === f));
  if (missing.length > 0)
    await deps.db.insert(runs).values(
      missing.map((file) => ({
        fileName: path.basename(file, ".gz"),
        format: "upr-info" as const,
        sourcePath: file,
        skipInvalid: false,
      })),
    );
  const [waiting] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(runs).where(eq(runs.status, "queued"));
  if (Number(waiting?.n) === 0) return false;
  await deps.jobs?.trigger(IMPORT_JOB);
  return true;
}

/**
 * The job: takes queued runs one by one (oldest first) and imports each, writing its progress
 * and its report on the run. Claiming with SKIP LOCKED lets several workers share the queue.
 */
export async function runQueuedImports(deps: { db: Db; referenceDir: string; logger: Logger }): Promise<number> {
  let done = 0;
  for (;;) {
    const [claimed] = await deps.db
      .update(runs)
      .set({ status: "running", startedAt: sql`now()`, done: 0 })
      .where(
        eq(
          runs.id,
          sql`(select id from ${runs} where status = 'queued' order by created_at limit 1 for update skip locked)`,
        ),
      )
      .returning({ id: runs.id });
    if (!claimed) return done;
    const id = claimed.id;
    const [run] = await deps.db.select().from(runs).where(eq(runs.id, id));
    if (!run) return done;
    const actor: Actor = { kind: "system", process: `import:${run.id}` };
    const source =
      run.content !== null
        ? { name: run.fileName, text: run.content }
        : { file: path.join(deps.referenceDir, run.sourcePath ?? "") };
    try {
      const report = await importRecommendations(
        {
          actor,
          ...source,
          format: run.format as ImportFormat,
          skipInvalid: run.skipInvalid,
          commit: "in-batches",
          onProgress: async (rows, total) => {
            await deps.db.update(runs).set({ done: rows, total }).where(eq(runs.id, id));
          },
        },
        deps,
      );
      await finish(deps.db, id, report.outcome, report);
      deps.logger.info({ run: id, file: run.fileName, ...counts(report) }, "import run ended");
    } catch (error) {
      deps.logger.error({ err: error, run: id }, "import run failed");
      await finish(deps.db, id, "failed", null);
    }
    done++;
  }
}

function counts(report: ImportReport) {
  const { rows, created, updated, unchanged, rejected } = report;
  return { rows, created, updated, unchanged, rejected };
}

async function finish(db: Db, id: string, status: ImportStatus, report: ImportReport | null) {
  await db
    .update(runs)
    .set({
      status,
      finishedAt: sql`now()`,
      // The file has served its purpose; the report keeps what the secretariat needs to fix it.
      content: null,
      report: report && {
        ...counts(report),
        format: report.format,
        warnings: report.warnings,
        // Enough to fix a file; a file with thousands of bad rows is refused for one cause anyway.
        problems: report.problems.slice(0, 500),
        problemCount: report.problems.length,
      },
    })
    .where(eq(runs.id, id));
}

export interface ImportRunView {
  id: string;
  fileName: string;
  format: string;
  status: ImportStatus;
  done: number;
  total: number;
  skipInvalid: boolean;
  createdAt: Date;
  finishedAt: Date | null;
  report: {
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    warnings: string[];
    problems: StoredProblem[];
    problemCount: number;
  } | null;
}

/** A problem as a run's report keeps it: runs from before problems had codes kept only the English message. */
export type StoredProblem = Omit<RowProblem, "code" | "values"> & Partial<Pick<RowProblem, "code" | "values">>;

/** Recent runs with their reports, for the secretariat. */
export async function listImportRuns(
  input: { actor: Actor; limit?: number },
  deps: { db: Db },
): Promise<ImportRunView[]> {
  if (!can(input.actor, "recommendations.import")) throw new ImportForbiddenError();
  const rows = await deps.db
    .select({
      id: runs.id,
      fileName: runs.fileName,
      format: runs.format,
      status: runs.status,
      done: runs.done,
      total: runs.total,
      skipInvalid: runs.skipInvalid,
      createdAt: runs.createdAt,
      finishedAt: runs.finishedAt,
      report: runs.report,
    })
    .from(runs)
    .orderBy(desc(runs.createdAt))
    .limit(input.limit ?? 20);
  return rows as ImportRunView[];
}

/**
 * What is loading right now, for anyone reading the index: file names and counts only (who
 * uploaded what stays with the secretariat).
 */
export async function importsInProgress(_input: { actor: Actor }, deps: { db: Db }) {
  return deps.db
    .select({ fileName: runs.fileName, status: runs.status, done: runs.done, total: runs.total })
    .from(runs)
    .where(inArray(runs.status, ["queued", "running"]))
    .orderBy(runs.createdAt);
}
