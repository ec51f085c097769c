import { systemActor } from "../../platform/actor";
import type { JobDefinition } from "../../platform/jobs/queue";
import { IMPORT_JOB, runQueuedImports } from "./use-cases/import-runs";
import { SUGGEST_JOB, suggestClassifications } from "./use-cases/suggest-classifications";

/**
 * Imports run as a job so that a 60,000-row file never holds a request open. An upload triggers
 * the job at once when the web process runs jobs; the minute schedule covers deployments whose
 * workers run apart from the web processes.
 */
export const recommendationsJobs: JobDefinition[] = [
  {
    name: IMPORT_JOB,
    cron: () => "* * * * *",
    async run(services, logger) {
      await runQueuedImports({ db: services.db, referenceDir: services.referenceDir, logger });
    },
  },
  /**
   * Nightly, so that imports made during the day get suggestions without anyone asking; the
   * secretariat's page also queues a run at once. A run over unchanged data writes nothing.
   */
  {
    name: SUGGEST_JOB,
    cron: () => "41 2 * * *",
    async run(services, logger) {
      const report = await suggestClassifications({ actor: systemActor(SUGGEST_JOB) }, services);
      logger.info({ ...report }, "classification suggestions refreshed");
    },
  },
];
