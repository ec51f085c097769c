import { systemActor } from "../../platform/actor";
import type { JobDefinition } from "../../platform/jobs/queue";
import { checkReferenceData } from "./use-cases/check-reference-data";

export const REFERENCE_CHECK_JOB = "reference-data-integrity-check";

/**
 * Nightly: a correction made by hand, or a failed load, must not leave the platform with
 * a State missing or an SDG untranslated without someone hearing of it.
 */
export const referenceDataJobs: JobDefinition[] = [
  {
    name: REFERENCE_CHECK_JOB,
    cron: (services) => services.config.jobs.referenceCheckCron,
    async run(services, logger) {
      const findings = await checkReferenceData({ actor: systemActor(REFERENCE_CHECK_JOB) }, services);
      if (findings.length === 0) logger.info({ findings: 0 }, "reference data is complete");
      else logger.warn({ findings }, `reference data has ${findings.length} problem(s)`);
    },
  },
];
