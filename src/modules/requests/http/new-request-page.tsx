import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { requestWriters } from "../domain/policy";
import { RequestForbiddenError, saveRequestDraft } from "../use-cases/save-request";
import type { Route } from "./+types/new-request-page";
import { formChoices } from "./request-form-loader";
import { RequestFields, readRequestForm, requestValues } from "./request-parts";

export const handle = { access: { policy: "requests.draft" } } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const writer = requestWriters(context.actor)[0];
  if (!writer) throw data(null, { status: 403 });
  return formChoices({ actor: context.actor, locale: context.locale, ...writer }, context.services);
}

export async function action({ request, context }: Route.ActionArgs) {
  const { sent, clusterIds } = await readRequestForm(request);
  const result = await saveRequestDraft(
    { actor: context.actor, form: sent, clusterIds, request: requestFacts(context) },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof RequestForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "invalid")
    return data({ problems: result.problems, sent: { ...sent, clusterIds } }, { status: 400 });
  if (result.outcome !== "saved") throw data(null, { status: 404 });
  // Next: the recommendations it serves, picked on the edit page.
  throw redirect(`/${context.locale}/requests/${result.id}/edit#recommendations-heading`, {
    headers: { "Set-Cookie": flashCookie("requests.flash.drafted") },
  });
}

export default function NewRequestPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const problems = actionData?.problems ?? {};
  return (
    <>
      <title>{`${t("requests.new")} · item10`}</title>
      <p>
        <a href={href("/requests")}>{t("requests.back")}</a>
      </p>
      <PageHeading title={t("requests.new")} lead={t("requests.new.lead")} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <RequestFields
          values={requestValues(actionData?.sent, null, locale)}
          problems={problems}
          themes={d.themes}
          goals={d.goals}
          clusters={d.clusters}
        />
        <button type="submit">{t("requests.saveDraft")}</button>
      </form>
    </>
  );
}
