import type { Actor } from "../actor";
import type { CitationSource } from "../citations";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Locale } from "../i18n/locales";
import type { Logger } from "../logger";
import type { StatusListeners } from "../status-listeners";

/** What the composition root hands every request: the services use cases need, never ambient globals. */
export interface AppServices {
  config: Config;
  db: Db;
  logger: Logger;
  referenceDir: string;
  /** Starts a queued job now, when this process runs jobs; otherwise the job's schedule picks the work up. */
  jobs: { trigger(name: string): Promise<unknown> } | null;
  /** Who cites a recommendation (requests, updates), registered by those modules in boot.ts. */
  citationSources: readonly CitationSource[];
  /** What follows an offer's or a request's status change in other modules (matching), registered in boot.ts. */
  statusListeners: StatusListeners;
}

export interface RequestContext {
  services: AppServices;
  /** Who is asking: anonymous, a signed-in user, or an API token. */
  actor: Actor;
  locale: Locale;
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The raw session cookie (to end or rotate the session), when there is one. */
  sessionToken: string | null;
  /** Set while a session waits for its second factor. */
  pendingUserId: string | null;
  csrfToken: string;
  secureCookies: boolean;
}

declare module "react-router" {
  interface AppLoadContext extends RequestContext {}
}

/** The facts about a request that an audit row and a new session record. */
export function requestFacts(context: RequestContext) {
  return { requestId: context.requestId, ipAddress: context.ipAddress, userAgent: context.userAgent };
}

/** A `next` parameter we will redirect to: a path on this site, never another site. */
export function safeNext(value: string | null | undefined, fallback: string): string {
  // Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` would leave the site.
  if (!value?.startsWith("/") || [...value].some((c) => c <= " " || c === "\u007f" || c === "\\")) return fallback;
  const base = "http://item10.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/**
 * A route's response headers: its parent's (the root's flash cookie) plus what its own loader
 * and action set (Retry-After, cookies). React Router uses the deepest route's `headers`.
 */
export function routeHeaders({
  parentHeaders,
  loaderHeaders,
  actionHeaders,
}: {
  parentHeaders: Headers;
  loaderHeaders: Headers;
  actionHeaders: Headers;
}): Headers {
  const merged = new Headers(parentHeaders);
  for (const source of [loaderHeaders, actionHeaders])
    source.forEach((value, key) => {
      if (key.toLowerCase() === "set-cookie") merged.append(key, value);
      else merged.set(key, value);
    });
  return merged;
}
