import { data, redirect } from "react-router";
import { ORGANISATION_KINDS } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { STATE_UNITS } from "../domain/organisation-input";
import { createOrganisation } from "../use-cases/organisations";
import type { Route } from "./+types/admin-new-organisation-page";
import { ORGANISATION_KIND_LABEL, STATE_UNIT_LABEL } from "./labels";

export const handle = { access: { policy: "organisations.manage" } } satisfies RouteHandle;

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const result = await createOrganisation(
    { actor: context.actor, raw, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "invalid") return data({ errors: result.errors, values: raw }, { status: 400 });
  throw redirect(`/${context.locale}/organisations/${result.id}`, {
    headers: { "Set-Cookie": flashCookie("organisation.created") },
  });
}

export default function NewOrganisationPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const field = (id: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={errors[id]} />
      {input}
    </div>
  );
  const invalid = (id: string) => ({
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": errors[id] ? `${id}-error` : undefined,
  });
  return (
    <>
      <title>{`${t("organisation.new")} · item10`}</title>
      <PageHeading title={t("organisation.new")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        {field(
          "kind",
          t("account.organisationKind"),
          <select id="kind" name="kind" defaultValue={values.kind} {...invalid("kind")}>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(ORGANISATION_KIND_LABEL[k])}
              </option>
            ))}
          </select>,
        )}
        {field(
          "name",
          t("organisation.name"),
          <input id="name" name="name" required defaultValue={values.name} {...invalid("name")} />,
        )}
        {field(
          "acronym",
          t("organisation.acronym"),
          <input id="acronym" name="acronym" defaultValue={values.acronym} {...invalid("acronym")} />,
        )}
        {field(
          "countryIso3",
          t("organisation.country"),
          <input
            id="countryIso3"
            name="countryIso3"
            maxLength={3}
            defaultValue={values.countryIso3}
            {...invalid("countryIso3")}
          />,
          t("organisation.countryHint"),
        )}
        {field(
          "unitKind",
          t("organisation.unit"),
          <select id="unitKind" name="unitKind" defaultValue={values.unitKind ?? ""} {...invalid("unitKind")}>
            <option value="">{t("organisation.notApplicable")}</option>
            {STATE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(STATE_UNIT_LABEL[u])}
              </option>
            ))}
          </select>,
        )}
        {field(
          "nhriAccreditation",
          t("organisation.accreditation"),
          <select
            id="nhriAccreditation"
            name="nhriAccreditation"
            defaultValue={values.nhriAccreditation ?? ""}
            {...invalid("nhriAccreditation")}
          >
            <option value="">{t("organisation.notApplicable")}</option>
            <option value="A">A</option>
            <option value="B">B</option>
          </select>,
        )}
        {field(
          "ecosocStatus",
          t("organisation.ecosoc"),
          <select id="ecosocStatus" name="ecosocStatus" defaultValue={values.ecosocStatus ?? ""}>
            <option value="">{t("organisation.notApplicable")}</option>
            <option value="yes">{t("organisation.yes")}</option>
            <option value="no">{t("organisation.no")}</option>
          </select>,
        )}
        <button type="submit">{t("organisation.create")}</button>
      </form>
    </>
  );
}
