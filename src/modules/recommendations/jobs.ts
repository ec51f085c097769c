import type { JobDefinition } from "../../platform/jobs/queue";
import { IMPORT_JOB, runQueuedImports } from "./use-cases/import-runs";

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
];
