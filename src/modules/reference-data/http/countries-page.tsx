import type { RouteHandle } from "../../../platform/http/guard";
import { paginate, parsePage } from "../../../platform/pagination";
import { ErrorSummary, FieldError, PageHeading, Pagination } from "../../../platform/ui/components";
import { useHref, useT } from "../../../platform/ui/i18n";
import { DEVELOPMENT_STATUSES, parseCountryFilter, REGIONAL_GROUPS } from "../domain/country";
import { listCountries } from "../use-cases/list-countries";
import type { Route } from "./+types/countries-page";
import { GROUP_LABEL, STATUS_ABBREVIATION, STATUS_LABEL, UN_STATUS_LABEL } from "./labels";
import { presentCountryRow } from "./presenters";

export const handle = { access: "public" } satisfies RouteHandle;

/** Every State fits on one page; pagination appears only if a longer list ever arrives. */
const PER_PAGE = 200;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const { filter, errors } = parseCountryFilter({
    group: url.searchParams.get("group"),
    status: url.searchParams.get("status"),
  });
  const countries = await listCountries({ actor: context.actor, filter, locale: context.locale }, context.services);
  const page = paginate(countries, parsePage(url.searchParams.get("page")), PER_PAGE);
  return {
    rows: page.items.map((c) => presentCountryRow(c, context.locale)),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    filter: { group: url.searchParams.get("group") ?? "", status: url.searchParams.get("status") ?? "" },
    errors,
  };
}

export default function CountriesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { rows, total, page, pageCount, filter, errors } = loaderData;
  const query = (p: number) => {
    const params = new URLSearchParams();
    if (filter.group) params.set("group", filter.group);
    if (filter.status) params.set("status", filter.status);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return href(`/countries${s ? `?${s}` : ""}`);
  };
  return (
    <>
      <title>{`${t("countries.title")} · item10`}</title>
      <PageHeading title={t("countries.title")} lead={t("countries.lead")} />
      <ErrorSummary errors={errors} />
      <form className="filters" method="get" action={href("/countries")}>
        <div className="field">
          <label htmlFor="group">{t("countries.filter.group")}</label>
          <FieldError id="group" error={errors.group} />
          <select
            id="group"
            name="group"
            defaultValue={filter.group}
            aria-invalid={errors.group ? true : undefined}
            aria-describedby={errors.group ? "group-error" : undefined}
          >
            <option value="">{t("countries.filter.allGroups")}</option>
            {REGIONAL_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(GROUP_LABEL[g])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t("countries.filter.status")}</label>
          <FieldError id="status" error={errors.status} />
          <select
            id="status"
            name="status"
            defaultValue={filter.status}
            aria-invalid={errors.status ? true : undefined}
            aria-describedby={errors.status ? "status-error" : undefined}
          >
            <option value="">{t("countries.filter.allStatuses")}</option>
            {DEVELOPMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("countries.filter.apply")}</button>
      </form>
      <p aria-live="polite">{t("countries.count", { count: total })}</p>
      <div className="table-scroll">
        <table>
          <caption>{t("countries.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("countries.table.name")}</th>
              <th scope="col">{t("countries.table.iso3")}</th>
              <th scope="col">{t("countries.table.group")}</th>
              <th scope="col">{t("countries.table.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.iso3}>
                <th scope="row">
                  <a href={href(`/countries/${c.iso3}`)}>{c.name}</a>
                </th>
                <td>{c.iso3}</td>
                <td>{c.regionalGroup ? t(GROUP_LABEL[c.regionalGroup]) : t(UN_STATUS_LABEL[c.unStatus])}</td>
                <td>
                  {c.statuses.map((s) => (
                    <abbr key={s} className="badge" title={t(STATUS_LABEL[s])}>
                      {t(STATUS_ABBREVIATION[s])}
                    </abbr>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} hrefFor={query} />
    </>
  );
}
