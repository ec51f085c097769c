import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
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
  return (
    <>
      <title>{`${t("joinRequest.title")} · item10`}</title>
      <PageHeading title={t("joinRequest.title")} lead={t("joinRequest.lead")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <Field id="displayName" label={t("join.displayName")} error={errors.displayName}>
          <input
            autoComplete="name"
            defaultValue={values.displayName}
            {...invalidProps("displayName", errors.displayName)}
          />
        </Field>
        <Field id="email" label={t("signIn.email")} error={errors.email}>
          <input
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            {...invalidProps("email", errors.email)}
          />
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
            {REQUESTABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r])}
              </option>
            ))}
          </select>
        </Field>
        <Field id="message" label={t("joinRequest.message")} error={errors.message}>
          <textarea rows={4} defaultValue={values.message} {...invalidProps("message", errors.message)} />
        </Field>
        <button type="submit">{t("joinRequest.submit")}</button>
      </form>
    </>
  );
}
