import type { Actor } from "../actor";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Locale } from "../i18n/locales";
import type { Logger } from "../logger";

/** What the composition root hands every request: the services use cases need, never ambient globals. */
export interface AppServices {
  config: Config;
  db: Db;
  logger: Logger;
  referenceDir: string;
}

export interface RequestContext {
  services: AppServices;
  /** Who is asking; anonymous until the accounts module signs people in. */
  actor: Actor;
  locale: Locale;
  requestId: string;
}

declare module "react-router" {
  interface AppLoadContext extends RequestContext {}
}
