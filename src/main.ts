import { serve } from "@hono/node-server";
import { loadPagesBuild, prepareDatabase, startPlatform } from "./platform/boot";
import { ConfigError, loadConfig } from "./platform/config";
import { createLogger } from "./platform/logger";

/**
 * `npm start`: web and jobs in one process. `npm run worker`: jobs only, for deployments
 * that scale web processes separately (needs DATABASE_URL: the embedded database is one process's).
 */
async function main() {
  const workerOnly = process.argv.includes("--worker");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (workerOnly && config.database.kind === "pglite") {
    logger.fatal("npm run worker needs DATABASE_URL: the embedded database can be opened by one process only");
    process.exit(2);
  }

  const database = await prepareDatabase(config, logger);
  const platform = await startPlatform({
    config,
    logger,
    database,
    web: !workerOnly,
    jobs: workerOnly || config.jobs.enabled,
    pages: workerOnly ? null : await loadPagesBuild(),
  });

  const server = workerOnly
    ? null
    : serve({ fetch: platform.fetch, port: config.port, hostname: config.host }, (info) => {
        logger.info({ url: `http://${config.host}:${info.port}`, database: database.kind }, "item10 is listening");
      });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await platform.close();
    await database.close();
    logger.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
