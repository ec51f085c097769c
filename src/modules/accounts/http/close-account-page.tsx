import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { closeMyAccount } from "../use-cases/personal-data";
import type { Route } from "./+types/close-account-page";
import { clearedSessionCookie } from "./session-cookie";

export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("confirm") !== "yes") return data({ errors: { confirm: "close.error.confirm" } }, { status: 400 });
  await closeMyAccount({ actor: context.actor, request: requestFacts(context) }, context.services);
  const headers = new Headers();
  headers.append("Set-Cookie", clearedSessionCookie(context));
  headers.append("Set-Cookie", flashCookie("close.done"));
  throw redirect(`/${context.locale}`, { headers });
}

export default function CloseAccountPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("close.title")} · item10`}</title>
      <PageHeading title={t("close.title")} lead={t("close.lead")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <div className="field checkbox">
          <FieldError id="confirm" error={errors.confirm} />
          <input
            id="confirm"
            name="confirm"
            type="checkbox"
            value="yes"
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? "confirm-error" : undefined}
          />
          <label htmlFor="confirm">{t("close.confirm")}</label>
        </div>
        <button type="submit" className="danger">
          {t("close.submit")}
        </button>
      </form>
    </>
  );
}
