import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { getIntl } from "../i18n/messages";
import { newToken, sameSecret } from "../tokens";
import type { ApiEnv } from "./api";
import { CSRF_COOKIE, CSRF_FIELD, cookieHeader } from "./cookies";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery defence for every state-changing browser request: a
 * double-submit token (a random value in an HttpOnly SameSite cookie, repeated in a hidden
 * form field that only our own pages render) plus an Origin check when the browser sends one.
 * API calls authenticated by bearer token carry no cookie and are exempt (decision 009).
 */
export function csrfProtection(options: { secureCookies: boolean; publicOrigin: string }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    const fresh = !token;
    if (!token) token = newToken();
    c.set("csrfToken", token);

    const bearer = c.req.header("authorization")?.startsWith("Bearer ");
    if (UNSAFE.has(c.req.method) && !bearer) {
      const origin = c.req.header("origin");
      const ownOrigin = new URL(c.req.url).origin;
      if (origin && origin !== ownOrigin && origin !== options.publicOrigin) return refuse(c);
      const submitted = await submittedToken(c.req.raw);
      if (fresh || !submitted || !sameSecret(submitted, token)) return refuse(c);
    }
    await next();
    if (fresh)
      c.header("Set-Cookie", cookieHeader(CSRF_COOKIE, token, { secure: options.secureCookies }), { append: true });
  };
}

async function submittedToken(request: Request): Promise<string | null> {
  const header = request.headers.get("x-csrf-token");
  if (header) return header;
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return null;
  // Read a copy: the page's action reads the body itself.
  const form = await request.clone().formData();
  const value = form.get(CSRF_FIELD);
  return typeof value === "string" ? value : null;
}

function refuse(c: Parameters<MiddlewareHandler<ApiEnv>>[0]) {
  return c.text(getIntl(c.var.locale).formatMessage({ id: "error.csrf" }), 403);
}
