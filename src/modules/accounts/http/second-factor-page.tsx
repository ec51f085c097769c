import { data, redirect } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts, routeHeaders, safeNext } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { verifySecondFactor } from "../use-cases/sessions";
import type { Route } from "./+types/second-factor-page";
import { sessionCookie } from "./session-cookie";

export const handle = { access: "pending-second-factor" } satisfies RouteHandle;
export const headers = routeHeaders;

export function loader({ request, context }: Route.LoaderArgs) {
  return { next: safeNext(new URL(request.url).searchParams.get("next"), `/${context.locale}`) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const code = String(form.get("code") ?? "").trim();
  const next = safeNext(String(form.get("next") ?? ""), `/${context.locale}`);
  if (!code || !context.sessionToken)
    return data({ errors: { code: "secondFactor.error.missing" }, retryAfter: 0 }, { status: 400 });
  const result = await verifySecondFactor(
    { sessionToken: context.sessionToken, code, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "throttled")
    return data(
      { errors: { code: "secondFactor.error.throttled" }, retryAfter: result.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  if (result.outcome !== "signed-in")
    return data({ errors: { code: "secondFactor.error.invalid" }, retryAfter: 0 }, { status: 401 });
  throw redirect(next, { headers: { "Set-Cookie": sessionCookie(context, result.sessionToken) } });
}

export default function SecondFactorPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("secondFactor.title")} · item10`}</title>
      <PageHeading title={t("secondFactor.title")} lead={t("secondFactor.lead")} />
      <ErrorSummary errors={errors.code === "secondFactor.error.throttled" ? {} : errors} />
      {errors.code === "secondFactor.error.throttled" && (
        <div className="error-summary" role="alert">
          <p>{t("secondFactor.error.throttled", { seconds: actionData?.retryAfter ?? 0 })}</p>
        </div>
      )}
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="next" value={loaderData.next} />
        <div className="field">
          <label htmlFor="code">{t("secondFactor.code")}</label>
          <p className="hint" id="code-hint">
            {t("secondFactor.hint")}
          </p>
          <FieldError id="code" error={errors.code === "secondFactor.error.throttled" ? undefined : errors.code} />
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={errors.code ? "code-hint code-error" : "code-hint"}
          />
        </div>
        <button type="submit">{t("secondFactor.submit")}</button>
      </form>
    </>
  );
}
