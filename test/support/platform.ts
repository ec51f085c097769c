import { loadPagesBuild, type Platform, startPlatform } from "../../src/platform/boot";
import { loadConfig } from "../../src/platform/config";
import { createLogger, type Logger } from "../../src/platform/logger";
import { createTestDatabase } from "./database";

/**
 * The whole platform over a private test database, answering Fetch requests in-process.
 * Pages need the production build (`npm test` builds before this suite runs).
 */
export async function startTestPlatform(
  options: { jobs?: boolean; pages?: boolean; logger?: Logger; env?: Record<string, string> } = {},
) {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...options.env });
  const platform = await startPlatform({
    config,
    logger: options.logger ?? createLogger("silent"),
    database,
    web: true,
    jobs: options.jobs ?? false,
    pages: options.pages === false ? null : await loadPagesBuild(),
  });
  const request = (path: string, init?: RequestInit) => platform.fetch(new Request(`http://localhost${path}`, init));
  return {
    platform,
    database,
    request,
    async html(path: string, init?: RequestInit) {
      const response = await request(path, init);
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
    async stop() {
      await platform.close();
      await database.dispose();
    },
  } satisfies Record<string, unknown> & { platform: Platform };
}
