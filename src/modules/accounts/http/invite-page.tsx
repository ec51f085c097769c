import { data, redirect } from "react-router";
import { ROLES } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ENDONYM, LOCALES } from "../../../platform/i18n/locales";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useLocale, useT } from "../../../platform/ui/i18n";
import { GROUP_LABEL, REGIONAL_GROUPS } from "../../reference-data";
import { inviteMember, listInvitableOrganisations } from "../use-cases/invitations";
import type { Route } from "./+types/invite-page";
import { ROLE_LABEL } from "./labels";

export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  return { organisations: await listInvitableOrganisations({ actor: context.actor }, context.services) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const field = (k: string) => String(form.get(k) ?? "");
  const result = await inviteMember(
    {
      actor: context.actor,
      email: field("email"),
      organisationId: field("organisationId"),
      role: field("role"),
      regionalGroup: field("regionalGroup") || null,
      locale: field("locale"),
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "forbidden") throw data(null, { status: 403 });
  if (result.outcome === "invalid")
    return data(
      { errors: result.errors, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) },
      { status: 400 },
    );
  throw redirect(`/${context.locale}/invitations/new`, { headers: { "Set-Cookie": flashCookie("invite.sent") } });
}

export default function InvitePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <>
      <title>{`${t("invite.title")} · item10`}</title>
      <PageHeading title={t("invite.title")} lead={t("invite.lead")} />
      {loaderData.organisations.length === 0 ? (
        <p>{t("invite.none")}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <Field id="email" label={t("invite.email")} error={errors.email}>
              <input type="email" required defaultValue={values.email} {...invalidProps("email", errors.email)} />
            </Field>
            <Field id="organisationId" label={t("invite.organisation")} error={errors.organisationId}>
              <select defaultValue={values.organisationId} {...invalidProps("organisationId", errors.organisationId)}>
                {loaderData.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="role" label={t("invite.role")} error={errors.role}>
              <select defaultValue={values.role} {...invalidProps("role", errors.role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(ROLE_LABEL[r])}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="regionalGroup" label={t("invite.regionalGroup")} error={errors.regionalGroup}>
              <select
                defaultValue={values.regionalGroup ?? ""}
                {...invalidProps("regionalGroup", errors.regionalGroup)}
              >
                <option value="">{t("organisation.notApplicable")}</option>
                {REGIONAL_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(GROUP_LABEL[g])}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="locale" label={t("invite.language")}>
              <select defaultValue={values.locale ?? locale} {...invalidProps("locale", undefined)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {ENDONYM[l]}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit">{t("invite.submit")}</button>
          </form>
        </>
      )}
    </>
  );
}
