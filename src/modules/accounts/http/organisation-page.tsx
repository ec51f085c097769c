import { data } from "react-router";
import type { OrganisationKind, Role } from "../../../platform/actor";
import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useT } from "../../../platform/ui/i18n";
import { getOrganisation } from "../use-cases/organisations";
import type { Route } from "./+types/organisation-page";
import { ORGANISATION_KIND_LABEL, ROLE_LABEL, STATE_UNIT_LABEL } from "./labels";

export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await getOrganisation({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  return found;
}

export default function OrganisationPage({ loaderData: { organisation: o, people } }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${o.name} · item10`}</title>
      <PageHeading title={o.name} lead={o.acronym ?? undefined} />
      <dl className="facts">
        <dt>{t("account.organisationKind")}</dt>
        <dd>{t(ORGANISATION_KIND_LABEL[o.kind as OrganisationKind])}</dd>
        {o.countryIso3 && (
          <>
            <dt>{t("organisation.country")}</dt>
            <dd>{o.countryIso3}</dd>
          </>
        )}
        {o.unitKind && (
          <>
            <dt>{t("organisation.unit")}</dt>
            <dd>{t(STATE_UNIT_LABEL[o.unitKind as keyof typeof STATE_UNIT_LABEL])}</dd>
          </>
        )}
        {o.nhriAccreditation && (
          <>
            <dt>{t("organisation.accreditation")}</dt>
            <dd>{o.nhriAccreditation}</dd>
          </>
        )}
        {o.ecosocStatus !== null && (
          <>
            <dt>{t("organisation.ecosoc")}</dt>
            <dd>{o.ecosocStatus ? t("organisation.yes") : t("organisation.no")}</dd>
          </>
        )}
      </dl>
      <h2>{t("organisation.people")}</h2>
      {people.length === 0 ? (
        <p>{t("organisation.nobody")}</p>
      ) : (
        <ul>
          {people.map((p) => (
            <li key={`${p.displayName}-${p.role}`}>
              {t("home.you.role", { organisation: p.displayName, role: t(ROLE_LABEL[p.role as Role]) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
