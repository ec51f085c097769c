import { redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { requestPasswordReset } from "../use-cases/password-reset";
import type { Route } from "./+types/forgot-password-page";

export const handle = { access: "public" } satisfies RouteHandle;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  if (email.trim())
    await requestPasswordReset(
      { actor: context.actor, email, locale: context.locale, request: requestFacts(context) },
      context.services,
    );
  // The same answer whether or not the address has an account.
  throw redirect(`/${context.locale}/sign-in`, { headers: { "Set-Cookie": flashCookie("forgot.sent") } });
}

export default function ForgotPasswordPage() {
  const t = useT();
  return (
    <>
      <title>{`${t("forgot.title")} · item10`}</title>
      <PageHeading title={t("forgot.title")} lead={t("forgot.lead")} />
      <form method="post" className="stack">
        <CsrfField />
        <div className="field">
          <label htmlFor="email">{t("signIn.email")}</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <button type="submit">{t("forgot.submit")}</button>
      </form>
    </>
  );
}
