import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import {
  ACCOUNTS_POLICIES,
  accountsApi,
  accountsJobs,
  accountsOpenApi,
  authenticateApiToken,
  ensureSecretariat,
  resolveSession,
  seedDemoAccounts,
} from "../modules/accounts";
import { DEMO_JOB, demoJobs } from "../modules/demo";
import {
  endMatchesOfEndedRequest,
  endMatchesOfStoppedOffer,
  ensureMatchWeights,
  gapsApi,
  gapsOpenApi,
  MATCHING_POLICIES,
  matchesApi,
  matchesOpenApi,
  matchingJobs,
  suggestionsApi,
  suggestionsOpenApi,
} from "../modules/matching";
import { notificationsJobs } from "../modules/notifications";
import { OFFERS_POLICIES, offersApi, offersOpenApi } from "../modules/offers";
import {
  queueBundledImports,
  RECOMMENDATIONS_POLICIES,
  recommendationsApi,
  recommendationsJobs,
  recommendationsOpenApi,
} from "../modules/recommendations";
import {
  loadReferenceData,
  referenceDataApi,
  referenceDataJobs,
  referenceDataOpenApi,
} from "../modules/reference-data";
import {
  ensureScreeningCriteria,
  REQUESTS_POLICIES,
  requestCitations,
  requestsApi,
  requestsOpenApi,
} from "../modules/requests";
import { UPDATES_POLICIES, updateCitations, updatesApi, updatesOpenApi } from "../modules/updates";
import { systemActor } from "./actor";
import type { CitationSource } from "./citations";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/database";
import { migrateDatabase } from "./db/migrate";
import type { Policies } from "./http/guard";
import type { AppServices } from "./http/load-context";
import { createHttpApp, type HttpModule } from "./http/server";
import { type JobDefinition, type JobRunner, startJobs } from "./jobs/queue";
import type { Logger } from "./logger";
import { mailJobs } from "./mail/jobs";
import type { StatusListeners } from "./status-listeners";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE_DIR = path.join(ROOT, "reference");
export const BUILD_DIR = path.join(ROOT, "build");

/** The composition root: every module's API, pages and jobs are registered here and nowhere else. */
const HTTP_MODULES: HttpModule[] = [
  { api: referenceDataApi, openApi: referenceDataOpenApi },
  { api: accountsApi, openApi: accountsOpenApi },
  { api: recommendationsApi, openApi: recommendationsOpenApi },
  { api: offersApi, openApi: offersOpenApi },
  { api: requestsApi, openApi: requestsOpenApi },
  { api: updatesApi, openApi: updatesOpenApi },
  { api: gapsApi, openApi: gapsOpenApi },
  { api: matchesApi, openApi: matchesOpenApi },
  { api: suggestionsApi, openApi: suggestionsOpenApi },
];
const JOBS: JobDefinition[] = [
  ...referenceDataJobs,
  ...accountsJobs,
  ...mailJobs,
  ...recommendationsJobs,
  ...notificationsJobs,
  ...matchingJobs,
  ...demoJobs,
];
/** Who may cite a recommendation: its page lists them (platform/citations.ts). */
const CITATION_SOURCES: CitationSource[] = [requestCitations, updateCitations];
/**
 * What follows a status change in other modules (platform/status-listeners.ts): an offer paused or
 * closed ends its waiting matches; a request withdrawn, under way or completed ends the matches
 * that can no longer go on.
 */
const STATUS_LISTENERS: StatusListeners = { offer: [endMatchesOfStoppedOffer], request: [endMatchesOfEndedRequest] };
const POLICIES: Policies = {
  ...ACCOUNTS_POLICIES,
  ...RECOMMENDATIONS_POLICIES,
  ...REQUESTS_POLICIES,
  ...OFFERS_POLICIES,
  ...UPDATES_POLICIES,
  ...MATCHING_POLICIES,
};

export interface Platform {
  database: Database;
  services: AppServices;
  jobs: JobRunner | null;
  fetch: (request: Request) => Response | Promise<Response>;
  close(): Promise<void>;
}

/** Opens (and migrates) the database that the configuration names. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.database.kind === "pglite") await mkdir(config.database.dataDir, { recursive: true });
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const report = await loadReferenceData(
      { actor: systemActor("boot") },
      { db: database.db, referenceDir: REFERENCE_DIR },
    );
    await ensureSecretariat(database.db);
    await ensureScreeningCriteria(database.db);
    await ensureMatchWeights(database.db);
    const demo = config.demo ? await seedDemoAccounts(database.db) : null;
    logger.info({ database: database.kind, ...report, demoAccountsCreated: demo?.created ?? 0 }, "database ready");
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function loadPagesBuild(): Promise<{ build: ServerBuild; clientDir: string }> {
  const serverEntry = path.join(BUILD_DIR, "server/index.js");
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  return { build, clientDir: path.join(BUILD_DIR, "client") };
}

/**
 * Starts what the process should run: the web application, the job workers, or both.
 * The database is the caller's (it may be shared by tests); `close` stops jobs, not the database.
 */
export async function startPlatform(options: {
  config: Config;
  logger: Logger;
  database: Database;
  web: boolean;
  jobs: boolean;
  pages?: { build: ServerBuild; clientDir: string } | null;
}): Promise<Platform> {
  const { config, logger, database } = options;
  const services: AppServices = {
    config,
    db: database.db,
    logger,
    referenceDir: REFERENCE_DIR,
    jobs: null,
    citationSources: CITATION_SOURCES,
    statusListeners: STATUS_LISTENERS,
  };
  const jobs = options.jobs ? await startJobs(database, services, JOBS, logger) : null;
  services.jobs = jobs;
  // The real UPR data loads in the background on a first start: pages answer meanwhile, and the
  // search page shows the progress.
  if (jobs && config.uprData)
    await queueBundledImports(
      { actor: systemActor("boot"), singleProcess: database.kind === "pglite" },
      { db: database.db, jobs },
    );
  // The pilot forum's requests and offers (demo mode only); they wait for the recommendations they cite.
  if (jobs && config.demo && config.uprData) await jobs.trigger(DEMO_JOB);
  const app = options.web
    ? createHttpApp({
        services,
        modules: HTTP_MODULES,
        pages: options.pages ?? null,
        authenticate: (token) => resolveSession(token, { db: database.db }),
        authenticateToken: (token) => authenticateApiToken(token, { db: database.db }),
        policies: POLICIES,
      })
    : null;
  return {
    database,
    services,
    jobs,
    fetch: (request) => (app ? app.fetch(request) : new Response("web is off in this process", { status: 503 })),
    async close() {
      await jobs?.stop();
    },
  };
}
