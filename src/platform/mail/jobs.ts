import type { JobDefinition } from "../jobs/queue";
import { deliverOutbox } from "./outbox";

export const MAIL_DELIVER_JOB = "mail-deliver";

export const mailJobs: JobDefinition[] = [
  {
    name: MAIL_DELIVER_JOB,
    cron: () => "* * * * *",
    async run(services, logger) {
      const { sent, failed } = await deliverOutbox({ ...services, logger });
      if (sent || failed) logger.info({ sent, failed }, "outbox delivered");
    },
  },
];
