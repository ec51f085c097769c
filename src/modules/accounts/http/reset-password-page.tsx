import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { findOpenReset, resetPassword } from "../use-cases/password-reset";
import type { Route } from "./+types/reset-password-page";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  if (!(await findOpenReset(params.token, context.services))) throw data(null, { status: 404 });
  return {};
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await resetPassword(
    { token: params.token, password: String(form.get("password") ?? ""), request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "invalid") return data({ errors: result.errors }, { status: 400 });
  if (result.outcome === "expired") throw data(null, { status: 404 });
  throw redirect(`/${context.locale}/sign-in`, { headers: { "Set-Cookie": flashCookie("reset.done") } });
}

export default function ResetPasswordPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("reset.title")} · item10`}</title>
      <PageHeading title={t("reset.title")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <Field id="password" label={t("reset.password")} hint={t("password.rules")} error={errors.password}>
          <input
            type="password"
            autoComplete="new-password"
            required
            {...invalidProps("password", errors.password, true)}
          />
        </Field>
        <button type="submit">{t("reset.submit")}</button>
      </form>
    </>
  );
}
