import PgBoss from "pg-boss";
import type { Database } from "../db/database";
import type { AppServices } from "../http/load-context";
import type { Logger } from "../logger";

/**
 * A job a module offers. `cron` makes it scheduled; the schedule lives in the database,
 * so any number of worker processes share it and each run happens once.
 */
export interface JobDefinition {
  name: string;
  cron?: (services: AppServices) => string;
  /** At most one run at a time across all workers (pg-boss's singleton queue policy). */
  oneAtATime?: boolean;
  run(services: AppServices, logger: Logger): Promise<void>;
}

export interface JobRunner {
  /** Queues a run now (used by tests and by operators to trigger a scheduled job). */
  trigger(name: string): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss over the platform's own connection (the PGlite single connection or the
 * PostgreSQL pool), creates each job's queue, registers schedules and workers.
 */
export async function startJobs(
  database: Database,
  services: AppServices,
  definitions: JobDefinition[],
  logger: Logger,
): Promise<JobRunner> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
    schema: "pgboss",
    // PGlite is one connection shared with web requests: poll gently.
    pollingIntervalSeconds: database.kind === "pglite" ? 5 : 2,
    superviseIntervalSeconds: 60,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error: Error) => logger.error({ err: error }, "job queue error"));
  await boss.start();

  for (const job of definitions) {
    await boss.createQueue(job.name, job.oneAtATime ? { name: job.name, policy: "singleton" } : undefined);
    if (job.cron) await boss.schedule(job.name, job.cron(services), {}, { tz: "UTC" });
    await boss.work(job.name, async (jobs) => {
      for (const j of jobs) {
        const log = logger.child({ job: job.name, jobId: j.id });
        log.info("job started");
        await job.run(services, log);
        log.info("job finished");
      }
    });
  }
  logger.info({ jobs: definitions.map((d) => d.name) }, "job workers started");

  return {
    trigger: (name) => boss.send(name, {}),
    async stop() {
      // Lets a running job finish, then leaves the shared connection for the caller to close.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}
