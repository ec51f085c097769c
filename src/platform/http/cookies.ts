/** Cookie attributes in one place: HttpOnly and SameSite always, Secure whenever served over HTTPS. */
export function cookieHeader(
  name: string,
  value: string,
  options: { maxAgeSeconds?: number; secure: boolean },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export const SESSION_COOKIE = "item10_session";
export const CSRF_COOKIE = "item10_csrf";
export const CSRF_FIELD = "_csrf";
