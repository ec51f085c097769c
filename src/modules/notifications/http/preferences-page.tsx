import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts, routeHeaders } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { Choice } from "../../../platform/ui/form-fields";
import { useHref, useT } from "../../../platform/ui/i18n";
import { NOTIFICATION_KINDS, NOTIFICATION_MESSAGES } from "../domain/kinds";
import type { PreferenceProblems } from "../domain/preferences";
import { getMyPreferences, setMyPreferences } from "../use-cases/preferences";
import type { Route } from "./+types/preferences-page";

export const handle = { access: "signed-in" } satisfies RouteHandle;
export const headers = routeHeaders;

export async function loader({ context }: Route.LoaderArgs) {
  return { preferences: await getMyPreferences({ actor: context.actor }, context.services) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const fields = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, form.get(k)?.toString()]));
  const result = await setMyPreferences(
    { actor: context.actor, form: fields, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "invalid") return data({ problems: result.problems, posted: fields }, { status: 400 });
  throw redirect(`/${context.locale}/account/notifications`, {
    headers: { "Set-Cookie": flashCookie("notificationPreferences.saved") },
  });
}

export default function PreferencesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems: PreferenceProblems = actionData?.problems ?? {};
  const posted: Record<string, string | undefined> = actionData?.posted ?? {};
  return (
    <>
      <title>{`${t("notificationPreferences.title")} · item10`}</title>
      <PageHeading title={t("notificationPreferences.title")} lead={t("notificationPreferences.lead")} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        {NOTIFICATION_KINDS.map((kind) => (
          <Choice
            key={kind}
            id={kind}
            legend={t(NOTIFICATION_MESSAGES[kind].label)}
            problem={problems[kind]}
            value={posted[kind] ?? loaderData.preferences[kind]}
            options={[
              { value: "immediate", label: t("notificationPreferences.immediate") },
              { value: "daily", label: t("notificationPreferences.daily") },
            ]}
          />
        ))}
        <button type="submit">{t("notificationPreferences.save")}</button>
      </form>
      <p>
        <a href={href("/notifications")}>{t("notificationPreferences.centreLink")}</a>
      </p>
    </>
  );
}
