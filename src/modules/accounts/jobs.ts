import type { JobDefinition } from "../../platform/jobs/queue";
import { purgeExpiredSessions } from "./use-cases/sessions";

export const PURGE_SESSIONS_JOB = "accounts-purge-expired-sessions";

/** Hourly: expired sessions and day-old sign-in failures serve no one and hold personal data. */
export const accountsJobs: JobDefinition[] = [
  {
    name: PURGE_SESSIONS_JOB,
    cron: () => "7 * * * *",
    async run(services, logger) {
      await purgeExpiredSessions({ db: services.db });
      logger.info("expired sessions purged");
    },
  },
];
