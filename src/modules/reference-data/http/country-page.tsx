import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { LANGUAGE_TAG, LOCALES } from "../../../platform/i18n/locales";
import type { MessageKey } from "../../../platform/i18n/messages";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { DEVELOPMENT_STATUSES } from "../domain/country";
import { getCountry } from "../use-cases/get-country";
import type { Route } from "./+types/country-page";
import { GROUP_LABEL, STATUS_LABEL, UN_STATUS_LABEL } from "./labels";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const country = await getCountry({ actor: context.actor, iso3: params.iso3 }, context.services);
  if (!country) throw data(null, { status: 404 });
  return { country };
}

export default function CountryPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const { country } = loaderData;
  const asOf = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: "long" });
  const statusDate = /^\d{4}-\d{2}-\d{2}$/.test(country.developmentStatusAsOf)
    ? asOf.format(new Date(`${country.developmentStatusAsOf}T00:00:00Z`))
    : country.developmentStatusAsOf;
  return (
    <>
      <title>{`${country.names[locale]} · item10`}</title>
      <p>
        <a href={href("/countries")}>{t("country.back")}</a>
      </p>
      <PageHeading title={country.names[locale]} lead={country.formalNames[locale]} />
      <dl className="facts">
        <dt>{t("country.unStatus")}</dt>
        <dd>{t(UN_STATUS_LABEL[country.unStatus])}</dd>
        <dt>{t("country.group")}</dt>
        <dd>{country.regionalGroup ? t(GROUP_LABEL[country.regionalGroup]) : t("country.noGroup")}</dd>
        <dt>{t("country.developmentStatus")}</dt>
        <dd>
          {country.statuses.length === 0
            ? t("country.noDevelopmentStatus")
            : DEVELOPMENT_STATUSES.filter((s) => country.statuses.includes(s))
                .map((s) => t(STATUS_LABEL[s]))
                .join(" · ")}
          <br />
          <small>{t("country.statusAsOf", { date: statusDate })}</small>
        </dd>
        <dt>{t("country.codes")}</dt>
        <dd>
          ISO 3166 {country.iso2} / {country.iso3} · M49 {country.m49}
        </dd>
      </dl>
      <p>
        {/* A page of the recommendations module, linked by URL: reference data depends on no module. */}
        <a href={href(`/countries/${country.iso3}/recommendations`)}>{t("country.recommendations")}</a>
      </p>
      <h2>{t("country.namesHeading")}</h2>
      <table>
        <caption>{t("country.namesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("country.language")}</th>
            <th scope="col">{t("country.shortName")}</th>
            <th scope="col">{t("country.formalName")}</th>
          </tr>
        </thead>
        <tbody>
          {LOCALES.map((l) => (
            <tr key={l}>
              <th scope="row">{t(`language.${l}` as MessageKey)}</th>
              <td lang={LANGUAGE_TAG[l]} dir="auto">
                {country.names[l]}
              </td>
              <td lang={LANGUAGE_TAG[l]} dir="auto">
                {country.formalNames[l]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
