import type { JobDefinition } from "../../platform/jobs/queue";
import { sendNotificationDigests } from "./use-cases/send-digests";

export const DIGEST_JOB = "notifications-digest";

/** Daily at 06:00 UTC: morning in Geneva and Africa, the working day's end in Asia and the Pacific. */
export const notificationsJobs: JobDefinition[] = [
  {
    name: DIGEST_JOB,
    cron: () => "0 6 * * *",
    async run(services, logger) {
      const { emails, notifications } = await sendNotificationDigests(services);
      logger.info({ emails, notifications }, "notification summaries written");
    },
  },
];
