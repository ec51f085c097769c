import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts, routeHeaders } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "../use-cases/enrol-second-factor";
import type { Route } from "./+types/security-page";
import { sessionCookie } from "./session-cookie";

export const handle = { access: "signed-in" } satisfies RouteHandle;
export const headers = routeHeaders;

export async function loader({ context }: Route.LoaderArgs) {
  const enrolment = await startSecondFactorEnrolment({ actor: context.actor }, context.services);
  return { ...enrolment, required: context.actor.kind === "user" && !context.actor.secondFactor };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const code = String(form.get("code") ?? "").trim();
  const result = await confirmSecondFactorEnrolment(
    { actor: context.actor, code, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "wrong-code")
    return data({ errors: { code: "security.error.wrongCode" }, recoveryCodes: [] as string[] }, { status: 400 });
  return data(
    { errors: {}, recoveryCodes: result.recoveryCodes },
    { headers: { "Set-Cookie": sessionCookie(context, result.sessionToken) } },
  );
}

export default function SecurityPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors: Record<string, string> = actionData?.errors ?? {};
  if (actionData?.recoveryCodes.length) {
    return (
      <>
        <title>{`${t("security.title")} · item10`}</title>
        <PageHeading title={t("security.enabled")} lead={t("security.recoveryCodesLead")} />
        <ol className="recovery-codes">
          {actionData.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <p>
          <a href={href("/")}>{t("security.continue")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <title>{`${t("security.title")} · item10`}</title>
      <PageHeading
        title={t("security.title")}
        lead={loaderData.required ? t("security.requiredLead") : t("security.lead")}
      />
      {loaderData.alreadyEnabled ? (
        <p>{t("security.alreadyEnabled")}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <ol>
            <li>{t("security.stepScan")}</li>
            <li>{t("security.stepConfirm")}</li>
          </ol>
          <figure className="qr">
            {/* SVG generated on the server from our own secret: markup we control, no script. */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-generated QR SVG */}
            <div role="img" aria-label={t("security.qrLabel")} dangerouslySetInnerHTML={{ __html: loaderData.qrSvg }} />
            <figcaption>
              {t("security.manualEntry")} <code>{loaderData.secret}</code>
            </figcaption>
          </figure>
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <div className="field">
              <label htmlFor="code">{t("security.code")}</label>
              <FieldError id="code" error={errors.code} />
              <input
                id="code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                required
                aria-invalid={errors.code ? true : undefined}
                aria-describedby={errors.code ? "code-error" : undefined}
              />
            </div>
            <button type="submit">{t("security.confirm")}</button>
          </form>
        </>
      )}
    </>
  );
}
