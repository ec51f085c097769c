import type { JobDefinition } from "../../platform/jobs/queue";
import { seedDemoContent } from "./use-cases/seed-demo-content";

export const DEMO_JOB = "demo-content";

/**
 * The demo content waits for the shipped recommendations (its requests cite them), which load in
 * the background on a first start: the job is triggered at start and retried every minute until
 * it has run once. Outside demo mode, or without the shipped recommendations (UPR_DATA=off), it
 * does nothing: its requests would have nothing to cite.
 */
export const demoJobs: JobDefinition[] = [
  {
    name: DEMO_JOB,
    cron: () => "* * * * *",
    // Two workers seeding at once would write the content twice.
    oneAtATime: true,
    async run(services, logger) {
      if (!services.config.demo || !services.config.uprData) return;
      const outcome = await seedDemoContent({ db: services.db, logger, statusListeners: services.statusListeners });
      if (outcome === "seeded") logger.info("pilot forum demo content seeded");
    },
  },
];
