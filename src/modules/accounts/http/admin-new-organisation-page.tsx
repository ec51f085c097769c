import { data, redirect } from "react-router";
import { ORGANISATION_KINDS } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
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
  return (
    <>
      <title>{`${t("organisation.new")} · item10`}</title>
      <PageHeading title={t("organisation.new")} />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <Field id="kind" label={t("account.organisationKind")} error={errors.kind}>
          <select defaultValue={values.kind} {...invalidProps("kind", errors.kind)}>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(ORGANISATION_KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field id="name" label={t("organisation.name")} error={errors.name}>
          <input required defaultValue={values.name} {...invalidProps("name", errors.name)} />
        </Field>
        <Field id="acronym" label={t("organisation.acronym")} error={errors.acronym}>
          <input defaultValue={values.acronym} {...invalidProps("acronym", errors.acronym)} />
        </Field>
        <Field
          id="countryIso3"
          label={t("organisation.country")}
          hint={t("organisation.countryHint")}
          error={errors.countryIso3}
        >
          <input
            maxLength={3}
            defaultValue={values.countryIso3}
            {...invalidProps("countryIso3", errors.countryIso3, true)}
          />
        </Field>
        <Field id="unitKind" label={t("organisation.unit")} error={errors.unitKind}>
          <select defaultValue={values.unitKind ?? ""} {...invalidProps("unitKind", errors.unitKind)}>
            <option value="">{t("organisation.notApplicable")}</option>
            {STATE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(STATE_UNIT_LABEL[u])}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nhriAccreditation" label={t("organisation.accreditation")} error={errors.nhriAccreditation}>
          <select
            defaultValue={values.nhriAccreditation ?? ""}
            {...invalidProps("nhriAccreditation", errors.nhriAccreditation)}
          >
            <option value="">{t("organisation.notApplicable")}</option>
            <option value="A">A</option>
            <option value="B">B</option>
          </select>
        </Field>
        <Field id="ecosocStatus" label={t("organisation.ecosoc")}>
          <select defaultValue={values.ecosocStatus ?? ""} {...invalidProps("ecosocStatus", undefined)}>
            <option value="">{t("organisation.notApplicable")}</option>
            <option value="yes">{t("organisation.yes")}</option>
            <option value="no">{t("organisation.no")}</option>
          </select>
        </Field>
        <button type="submit">{t("organisation.create")}</button>
      </form>
    </>
  );
}
