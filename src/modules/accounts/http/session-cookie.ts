import { cookieHeader, SESSION_COOKIE } from "../../../platform/http/cookies";
import type { RequestContext } from "../../../platform/http/load-context";

/** The session cookie lives as long as the browser and the server-side session allow (12 h idle). */
export function sessionCookie(context: RequestContext, token: string): string {
  return cookieHeader(SESSION_COOKIE, token, { secure: context.secureCookies });
}

export function clearedSessionCookie(context: RequestContext): string {
  return cookieHeader(SESSION_COOKIE, "", { secure: context.secureCookies, maxAgeSeconds: 0 });
}
