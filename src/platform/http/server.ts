import path from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { getCookie } from "hono/cookie";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createRequestHandler, type ServerBuild } from "react-router";
import { type Actor, ANONYMOUS } from "../actor";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/negotiate";
import type { ApiEnv } from "./api";
import { apiError } from "./api";
import { SESSION_COOKIE } from "./cookies";
import { csrfProtection } from "./csrf";
import { accessFor, judge, type Policies, routeTree } from "./guard";
import type { AppServices } from "./load-context";

/** Turns a session cookie into the actor behind it (the accounts module provides it). */
export type Authenticate = (sessionToken: string | null) => Promise<{ actor: Actor; pendingUserId: string | null }>;
/** Turns an API bearer token into the actor behind it; null when unknown, expired or revoked. */
export type AuthenticateToken = (token: string) => Promise<Actor | null>;

export interface HttpModule {
  /** Mounted under `/api/v1`. */
  api: Hono<ApiEnv>;
  openApi: { paths: Record<string, unknown>; schemas: Record<string, unknown> };
}

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * The one HTTP application: security headers → compression → locale → JSON API or pages.
 * Pages and API call the same use cases; this file only wires the chain.
 */
export function createHttpApp(options: {
  services: AppServices;
  modules: HttpModule[];
  pages: { build: ServerBuild; clientDir: string } | null;
  authenticate: Authenticate;
  authenticateToken: AuthenticateToken;
  policies: Policies;
}): Hono<ApiEnv> {
  const { services, modules, pages, authenticate, authenticateToken, policies } = options;
  const secureCookies = services.config.publicUrl.startsWith("https:");
  const app = new Hono<ApiEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    services.logger.info(
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use(
    secureHeaders({
      // `no-referrer` (the default) makes browsers send `Origin: null` on our own form posts,
      // which the CSRF origin check must refuse.
      referrerPolicy: "strict-origin-when-cross-origin",
      // No inline scripts and no third parties: pages ship without JavaScript (decision 004).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use(compress());

  app.use(async (c, next) => {
    const { locale, prefixed } = negotiateLocale({
      pathname: c.req.path,
      cookie: c.req.header("cookie"),
      acceptLanguage: c.req.header("accept-language"),
    });
    c.set("locale", locale);
    c.set("services", services);
    c.set("secureCookies", secureCookies);
    c.set("userAgent", c.req.header("user-agent") ?? null);
    c.set("ipAddress", clientAddress(c));
    await next();
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language, Cookie", { append: true });
    // A language chosen through the URL is remembered for the next unprefixed visit.
    if (prefixed && c.req.method === "GET")
      c.header("Set-Cookie", `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`, { append: true });
  });

  // The API is authenticated by bearer tokens only; cookies never act on it (no CSRF exposure).
  app.use("/api/*", async (c, next) => {
    const authorization = c.req.header("authorization");
    let actor: Actor = ANONYMOUS;
    if (authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const found = token ? await authenticateToken(token) : null;
      if (!found) {
        c.header("WWW-Authenticate", 'Bearer realm="item10", error="invalid_token"');
        return apiError(c, 401, "invalid_token", "The API token is unknown, expired or revoked.");
      }
      actor = found;
    }
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method) && !(actor.kind === "token" && actor.scope === "read-write"))
      return apiError(c, 403, "read_only", "Changing data through the API needs a read-write token.");
    c.set("actor", actor);
    c.set("sessionToken", null);
    c.set("pendingUserId", null);
    c.set("csrfToken", "");
    await next();
  });

  app.get("/healthz", async (c) => {
    await services.db.execute("select 1");
    return c.json({ status: "ok" });
  });

  const api = new Hono<ApiEnv>();
  for (const m of modules) api.route("/", m.api);
  api.get("/openapi.json", (c) => c.json(openApiDocument(modules, services.config.publicUrl)));
  app.route("/api/v1", api);
  app.all("/api/*", (c) => apiError(c, 404, "not_found", `No endpoint ${c.req.method} ${c.req.path}`));

  app.onError((error, c) => {
    services.logger.error({ err: error, requestId: c.var.requestId }, "unhandled error");
    if (c.req.path.startsWith("/api/")) return apiError(c, 500, "internal", "Something went wrong on our side.");
    return c.text("Internal Server Error", 500);
  });

  if (pages) {
    app.use(async (c, next) => {
      const sessionToken = getCookie(c, SESSION_COOKIE) ?? null;
      const { actor, pendingUserId } = await authenticate(sessionToken);
      c.set("actor", actor);
      c.set("sessionToken", sessionToken);
      c.set("pendingUserId", pendingUserId);
      await next();
    });
    app.use(csrfProtection({ secureCookies, publicOrigin: new URL(services.config.publicUrl).origin }));
    const root = path.relative(process.cwd(), pages.clientDir) || ".";
    app.use(
      "/assets/*",
      serveStatic({
        root,
        // File names carry a content hash, so they never change under the same URL.
        onFound: (_path, c) => c.header("Cache-Control", `public, max-age=${ONE_YEAR}, immutable`),
      }),
    );
    const handle = createRequestHandler(
      pages.build,
      services.config.env === "production" ? "production" : "development",
    );
    const tree = routeTree(pages.build);
    app.all("*", async (c) => {
      // Pages ship no client script, so React Router's `.data` requests have no legitimate caller;
      // refusing them keeps the route guard the only way to a loader or action.
      if (c.req.path.endsWith(".data")) return c.text("Not Found", 404);
      const context = {
        services,
        actor: c.var.actor,
        locale: c.var.locale,
        requestId: c.var.requestId,
        ipAddress: c.var.ipAddress,
        userAgent: c.var.userAgent,
        sessionToken: c.var.sessionToken,
        pendingUserId: c.var.pendingUserId,
        csrfToken: c.var.csrfToken,
        secureCookies,
      };
      const access = accessFor(pages.build, tree, c.req.path);
      // A page that forgot to declare who may open it is closed, not open.
      const verdict =
        access === undefined
          ? "allow"
          : access === null
            ? "forbidden"
            : judge(access, c.var.actor, c.var.pendingUserId, policies);
      const localePath = (path: string) => `/${c.var.locale}${path}`;
      if (verdict === "sign-in")
        return c.redirect(`${localePath("/sign-in")}?next=${encodeURIComponent(c.req.path)}`, 303);
      if (verdict === "second-factor") return c.redirect(localePath("/sign-in/second-factor"), 303);
      if (verdict === "enrol-second-factor") return c.redirect(localePath("/account/security"), 303);
      if (verdict === "forbidden") {
        const forbidden = new URL(localePath("/forbidden"), c.req.url);
        const response = await handle(new Request(forbidden, { headers: c.req.raw.headers }), context);
        return new Response(response.body, { status: 403, headers: response.headers });
      }
      return handle(c.req.raw, context);
    });
  }
  return app;
}

function clientAddress(c: Context<ApiEnv>): string | null {
  try {
    return getConnInfo(c as unknown as Context).remote.address ?? null;
  } catch {
    // In-process requests (tests, benchmarks) have no socket.
    return null;
  }
}

function openApiDocument(modules: HttpModule[], publicUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "item10 public API",
      version: "1",
      description:
        "Open data of the item10 platform for technical assistance and capacity-building in human rights. Responses are JSON; names come in the six UN languages.",
      license: { name: "AGPL-3.0-or-later (software); see DATA-SOURCES.md for data licences" },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: Object.assign({}, ...modules.map((m) => m.openApi.paths)),
    components: {
      schemas: {
        LocalizedText: {
          type: "object",
          description: "The same text in the six UN languages",
          required: ["ar", "zh", "en", "fr", "ru", "es"],
          properties: Object.fromEntries(["ar", "zh", "en", "fr", "ru", "es"].map((l) => [l, { type: "string" }])),
        },
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
        ...Object.assign({}, ...modules.map((m) => m.openApi.schemas)),
      },
    },
  };
}
