import { data, redirect } from "react-router";
import { ROLES } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ENDONYM, LOCALES } from "../../../platform/i18n/locales";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useLocale, useT } from "../../../platform/ui/i18n";
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
            <div className="field">
              <label htmlFor="email">{t("invite.email")}</label>
              <FieldError id="email" error={errors.email} />
              <input
                id="email"
                name="email"
                type="email"
                required
                defaultValue={values.email}
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={errors.email ? "email-error" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="organisationId">{t("invite.organisation")}</label>
              <FieldError id="organisationId" error={errors.organisationId} />
              <select
                id="organisationId"
                name="organisationId"
                defaultValue={values.organisationId}
                aria-invalid={errors.organisationId ? true : undefined}
              >
                {loaderData.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="role">{t("invite.role")}</label>
              <FieldError id="role" error={errors.role} />
              <select id="role" name="role" defaultValue={values.role} aria-invalid={errors.role ? true : undefined}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(ROLE_LABEL[r])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="locale">{t("invite.language")}</label>
              <select id="locale" name="locale" defaultValue={values.locale ?? locale}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {ENDONYM[l]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t("invite.submit")}</button>
          </form>
        </>
      )}
    </>
  );
}
