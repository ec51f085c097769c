import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { listJoinableOrganisations, REQUESTABLE_ROLES, requestToJoin } from "../use-cases/join-requests";
import type { Route } from "./+types/join-request-page";
import { ROLE_LABEL } from "./labels";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  return { organisations: await listJoinableOrganisations(context.services) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const result = await requestToJoin(
    { actor: context.actor, raw, locale: context.locale, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "invalid") return data({ errors: result.errors, values: raw }, { status: 400 });
  throw redirect(`/${context.locale}`, { headers: { "Set-Cookie": flashCookie("joinRequest.sent") } });
}

export default function JoinRequestPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const invalid = (id: string) => ({
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": errors[id] ? `${id}-error` : undefined,
  });
  return (
    <>
      <title>{`${t("joinRequest.title")} · item10`}</title>
      <PageHeading title={t("joinRequest.title")} lead={t("joinRequest.lead")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <div className="field">
          <label htmlFor="displayName">{t("join.displayName")}</label>
          <FieldError id="displayName" error={errors.displayName} />
          <input
            id="displayName"
            name="displayName"
            autoComplete="name"
            defaultValue={values.displayName}
            {...invalid("displayName")}
          />
        </div>
        <div className="field">
          <label htmlFor="email">{t("signIn.email")}</label>
          <FieldError id="email" error={errors.email} />
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            {...invalid("email")}
          />
        </div>
        <div className="field">
          <label htmlFor="organisationId">{t("invite.organisation")}</label>
          <FieldError id="organisationId" error={errors.organisationId} />
          <select
            id="organisationId"
            name="organisationId"
            defaultValue={values.organisationId}
            {...invalid("organisationId")}
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
          <select id="role" name="role" defaultValue={values.role} {...invalid("role")}>
            {REQUESTABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="message">{t("joinRequest.message")}</label>
          <FieldError id="message" error={errors.message} />
          <textarea id="message" name="message" rows={4} defaultValue={values.message} {...invalid("message")} />
        </div>
        <button type="submit">{t("joinRequest.submit")}</button>
      </form>
    </>
  );
}
