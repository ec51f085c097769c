import { ORGANISATION_KINDS, type OrganisationKind } from "../../../platform/actor";
import type { RouteHandle } from "../../../platform/http/guard";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination, SearchForm } from "../../../platform/ui/components";
import { useHref, useT } from "../../../platform/ui/i18n";
import { listOrganisations } from "../use-cases/organisations";
import type { Route } from "./+types/admin-organisations-page";
import { ORGANISATION_KIND_LABEL } from "./labels";

export const handle = { access: { policy: "organisations.manage" } } satisfies RouteHandle;
const PER_PAGE = 25;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const search = params.get("q") ?? "";
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(params.get("kind") ?? "")
    ? (params.get("kind") as string)
    : "";
  const page = parsePage(params.get("page"));
  const result = await listOrganisations(
    { actor: context.actor, search, kind, limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    context.services,
  );
  return { ...result, search, kind, page, pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)) };
}

export default function AdminOrganisationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const query = (p: number) =>
    href(`/admin/organisations?${new URLSearchParams({ q: d.search, kind: d.kind, page: String(p) })}`);
  return (
    <>
      <title>{`${t("adminOrganisations.title")} · item10`}</title>
      <PageHeading title={t("adminOrganisations.title")} />
      <p>
        <a href={href("/admin/organisations/new")}>{t("adminOrganisations.add")}</a>
      </p>
      <SearchForm query={d.search} total={d.total}>
        <div className="field">
          <label htmlFor="kind">{t("account.organisationKind")}</label>
          <select id="kind" name="kind" defaultValue={d.kind}>
            <option value="">{t("audit.filter.any")}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(ORGANISATION_KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <div className="table-scroll">
        <table>
          <caption>{t("adminOrganisations.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.organisation")}</th>
              <th scope="col">{t("account.organisationKind")}</th>
              <th scope="col">{t("countries.table.iso3")}</th>
              <th scope="col">{t("adminOrganisations.members")}</th>
            </tr>
          </thead>
          <tbody>
            {d.organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <a href={href(`/organisations/${o.id}`)}>{o.name}</a>
                  {o.acronym ? ` (${o.acronym})` : ""}
                </th>
                <td>{t(ORGANISATION_KIND_LABEL[o.kind as OrganisationKind])}</td>
                <td>{o.countryIso3 ?? ""}</td>
                <td>{o.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={d.page} pageCount={d.pageCount} hrefFor={query} />
    </>
  );
}
