import { data, redirect } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts, routeHeaders, safeNext } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { signIn } from "../use-cases/sessions";
import type { Route } from "./+types/sign-in-page";
import { sessionCookie } from "./session-cookie";

export const handle = { access: "public" } satisfies RouteHandle;
export const headers = routeHeaders;

/** What `?error=` the single sign-on callback may send back with, and the message it shows. */
const OIDC_ERRORS: Record<string, string> = {
  oidc: "signIn.error.oidc",
  "oidc-unknown": "signIn.error.oidcUnknown",
};

export function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const next = safeNext(params.get("next"), `/${context.locale}`);
  if (context.actor.kind === "user") throw redirect(next);
  const oidc = context.services.config.oidc;
  return {
    next,
    // Only the provider's display name leaves the server, and only when single sign-on is set up.
    oidc: oidc ? { name: oidc.name } : null,
    oidcError: oidc ? (OIDC_ERRORS[params.get("error") ?? ""] ?? null) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = safeNext(String(form.get("next") ?? ""), `/${context.locale}`);
  const errors: Record<string, string> = {};
  if (!email) errors.email = "signIn.error.emailMissing";
  if (!password) errors.password = "signIn.error.passwordMissing";
  if (Object.keys(errors).length > 0) return data({ errors, email, retryAfter: 0 }, { status: 400 });

  const result = await signIn(
    { email, password, previousSessionToken: context.sessionToken, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "throttled")
    return data(
      { errors: { email: "signIn.error.throttled" }, email, retryAfter: result.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  if (result.outcome === "invalid")
    return data({ errors: { email: "signIn.error.invalid" }, email, retryAfter: 0 }, { status: 401 });
  const headers = { "Set-Cookie": sessionCookie(context, result.sessionToken) };
  if (result.outcome === "second-factor")
    throw redirect(`/${context.locale}/sign-in/second-factor?next=${encodeURIComponent(next)}`, { headers });
  throw redirect(next, { headers });
}

export default function SignInPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  // A failed single sign-on is told once; after a password attempt that attempt's errors count.
  const summary = actionData
    ? errors.email === "signIn.error.throttled"
      ? {}
      : errors
    : loaderData.oidcError
      ? { oidc: loaderData.oidcError }
      : {};
  return (
    <>
      <title>{`${t("signIn.title")} · item10`}</title>
      <PageHeading title={t("signIn.title")} lead={t("signIn.lead")} />
      <ErrorSummary errors={summary} />
      {errors.email === "signIn.error.throttled" && (
        <div className="error-summary" role="alert">
          <p>{t("signIn.error.throttled", { seconds: actionData?.retryAfter ?? 0 })}</p>
        </div>
      )}
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="next" value={loaderData.next} />
        <div className="field">
          <label htmlFor="email">{t("signIn.email")}</label>
          <FieldError id="email" error={errors.email === "signIn.error.throttled" ? undefined : errors.email} />
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email ?? ""}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t("signIn.password")}</label>
          <FieldError id="password" error={errors.password} />
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
          />
        </div>
        <button type="submit">{t("signIn.submit")}</button>
      </form>
      {loaderData.oidc && (
        <>
          <p className="hint">{t("signIn.or")}</p>
          <form method="post" action={href("/sign-in/oidc")} className="stack">
            <CsrfField />
            <input type="hidden" name="next" value={loaderData.next} />
            <button type="submit" id="oidc">
              {t("signIn.oidc", { name: loaderData.oidc.name })}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={href("/forgot-password")}>{t("signIn.forgot")}</a>
      </p>
      <p>
        <a href={href("/join-request")}>{t("signIn.noAccount")}</a>
      </p>
    </>
  );
}
