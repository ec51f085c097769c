import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createRequestHandler, type ServerBuild } from "react-router";
import { ANONYMOUS } from "../actor";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/negotiate";
import type { ApiEnv } from "./api";
import { apiError } from "./api";
import type { AppServices } from "./load-context";

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
}): Hono<ApiEnv> {
  const { services, modules, pages } = options;
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
    c.set("actor", ANONYMOUS);
    c.set("services", services);
    await next();
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language, Cookie", { append: true });
    // A language chosen through the URL is remembered for the next unprefixed visit.
    if (prefixed && c.req.method === "GET")
      c.header("Set-Cookie", `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`, { append: true });
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
    app.all("*", (c) =>
      handle(c.req.raw, {
        services,
        actor: c.var.actor,
        locale: c.var.locale,
        requestId: c.var.requestId,
      }),
    );
  }
  return app;
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
