import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { getIntl, type MessageKey } from "../i18n/messages";
import type { RequestContext } from "./load-context";

export type ApiEnv = { Variables: Omit<RequestContext, "secureCookies"> & { secureCookies: boolean } };

/** Every API error has one shape: a stable code for programs, a sentence for people. */
export function apiError(c: Context<ApiEnv>, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** 400 naming each field that was wrong, in the caller's language. */
export function fieldErrors(c: Context<ApiEnv>, errors: Partial<Record<string, string>>) {
  const intl = getIntl(c.var.locale);
  const fields = Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [field, intl.formatMessage({ id: key as MessageKey })]),
  );
  return c.json(
    { error: { code: "invalid_parameters", message: `Invalid: ${Object.keys(fields).join(", ")}`, fields } },
    400,
  );
}

/** 400 naming each field a use case found wrong, its message (with values) in the caller's language. */
export function problemErrors(
  c: Context<ApiEnv>,
  problems: Record<string, { key: string; values?: Record<string, string | number> }>,
) {
  const intl = getIntl(c.var.locale);
  const fields = Object.fromEntries(
    Object.entries(problems).map(([field, p]) => [field, intl.formatMessage({ id: p.key as MessageKey }, p.values)]),
  );
  return c.json(
    { error: { code: "invalid_fields", message: `Invalid: ${Object.keys(fields).join(", ")}`, fields } },
    400,
  );
}

/** A JSON object body, or null when the body is not one (the caller answers 400). */
export async function jsonBody(c: Context<ApiEnv>): Promise<Record<string, unknown> | null> {
  const body: unknown = await c.req.json().catch(() => null);
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}
