import type { JobDefinition } from "../../platform/jobs/queue";
import { refreshSuggestions } from "./use-cases/refresh-suggestions";

export const REFRESH_JOB = "matching-refresh";

/**
 * Suggestions follow the market: every minute the job applies the requests and offers that changed
 * (use cases also trigger it at once after a change). One run at a time across all workers.
 */
export const matchingJobs: JobDefinition[] = [
  {
    name: REFRESH_JOB,
    cron: () => "* * * * *",
    oneAtATime: true,
    async run(services, logger) {
      const report = await refreshSuggestions({ db: services.db });
      logger.info(report, "suggestions refreshed");
    },
  },
];
