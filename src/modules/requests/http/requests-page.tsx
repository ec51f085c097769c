import type { RouteHandle } from "../../../platform/http/guard";
import type { PublicCount } from "../../../platform/statistics";
import type { ProviderType, SupportKind } from "../../../platform/support-vocabulary";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { FacetSidebar, listLink } from "../../../platform/ui/facets";
import { PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL, useLanguageName } from "../../../platform/ui/form-fields";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import {
  DownloadLinks,
  InvalidParameters,
  ListSearchForm,
  offsetHref,
  offsetPages,
} from "../../../platform/ui/list-page";
import {
  DEVELOPMENT_STATUS_LABEL,
  type DevelopmentStatus,
  GROUP_LABEL,
  type RegionalGroup,
  referenceNames,
} from "../../reference-data";
import { parseRequestFilter } from "../domain/filter";
import { can } from "../domain/policy";
import type { AgeBand } from "../domain/request";
import { publicRequestStatistics, searchRequests } from "../use-cases/search-requests";
import type { Route } from "./+types/requests-page";
import { STATE_LABEL } from "./request-parts";

// Public: what each reader sees is decided by the visibility rule inside searchRequests.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { filter, errors } = parseRequestFilter(params);
  const { actor, locale } = context;
  const [result, statistics, names] = await Promise.all([
    searchRequests({ actor, filter }, context.services),
    publicRequestStatistics({ actor }, context.services),
    referenceNames({ actor, locale }, context.services),
  ]);
  const { states: stateName, themes: themeName, goals: goalName } = names;
  return {
    params: Object.fromEntries(params),
    invalid: Object.keys(errors),
    canDraft: can(actor, "requests.draft"),
    total: result.total,
    ...offsetPages(filter, result.total),
    items: result.items.map((i) => ({
      id: i.id,
      seq: i.seq,
      title: i.title,
      summary: i.summary.length > 300 ? `${i.summary.slice(0, 297)}…` : i.summary,
      language: i.language,
      state: i.state,
      country: stateName[i.stateIso3] ?? i.stateIso3,
      supportKinds: i.supportKinds as SupportKind[],
      waitingDays: i.waitingDays,
      createdAt: i.createdAt.toISOString(),
    })),
    facets: result.facets,
    names: {
      theme: Object.fromEntries(result.facets.theme.map((f) => [f.value, themeName[f.value] ?? f.value])),
      sdg: Object.fromEntries(result.facets.sdg.map((f) => [f.value, goalName[f.value] ?? f.value])),
      country: Object.fromEntries(result.facets.country.map((f) => [f.value, stateName[f.value] ?? f.value])),
    },
    statistics,
  };
}

const AGE_LABEL: Record<AgeBand, "requests.age.under-30" | "requests.age.30-90" | "requests.age.over-90"> = {
  "under-30": "requests.age.under-30",
  "30-90": "requests.age.30-90",
  "over-90": "requests.age.over-90",
};

export default function RequestsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale());
  const languageName = useLanguageName();
  const link = listLink(href, "/requests", d.params);
  const count = (c: PublicCount) =>
    "exact" in c ? number.format(c.exact) : t("statistics.fewerThan", { n: c.fewerThan });
  const label = (facet: string, value: string): { label: string; lang?: string } => {
    switch (facet) {
      case "state":
        return { label: t(STATE_LABEL[value as keyof typeof STATE_LABEL]) };
      case "theme":
        return { label: d.names.theme[value] ?? value, lang: "en" };
      case "sdg":
        return { label: t("form.sdgGoal", { goal: value, title: d.names.sdg[value] ?? "" }) };
      case "kind":
        return { label: t(SUPPORT_KIND_LABEL[value as SupportKind]) };
      case "group":
        return { label: t(GROUP_LABEL[value as RegionalGroup]) };
      case "status":
        return { label: t(DEVELOPMENT_STATUS_LABEL[value as DevelopmentStatus]) };
      case "providerType":
        return { label: t(PROVIDER_TYPE_LABEL[value as ProviderType]) };
      case "language":
        return { label: languageName(value) };
      case "age":
        return { label: t(AGE_LABEL[value as AgeBand]) };
      case "country":
        return { label: d.names.country[value] ?? value };
      default:
        return { label: value };
    }
  };
  const TITLES = {
    state: t("requests.facet.state"),
    country: t("requests.facet.country"),
    group: t("requests.facet.group"),
    status: t("requests.facet.status"),
    kind: t("requests.facet.kind"),
    theme: t("requests.facet.theme"),
    sdg: t("requests.facet.sdg"),
    providerType: t("requests.facet.providerType"),
    language: t("requests.facet.language"),
    age: t("requests.facet.age"),
  };
  const groups = (Object.keys(TITLES) as (keyof typeof TITLES)[]).map((name) => ({
    name,
    title: TITLES[name],
    values: d.facets[name].slice(0, 12).map((f) => ({ value: f.value, count: f.count, ...label(name, f.value) })),
  }));
  return (
    <>
      <title>{`${t("requests.title")} · item10`}</title>
      <PageHeading title={t("requests.title")} lead={t("requests.lead")} />
      {d.canDraft && (
        <p>
          <a className="button" href={href("/requests/new")}>
            {t("requests.new")}
          </a>
        </p>
      )}
      <section aria-labelledby="statistics-heading" className="notice">
        <h2 id="statistics-heading">{t("requests.statistics.title")}</h2>
        <p>{t("requests.statistics.lead", { total: count(d.statistics.total) })}</p>
        {d.statistics.byGroup.length > 0 && (
          <ul>
            {d.statistics.byGroup.map((g) => (
              <li key={g.group}>
                {t(GROUP_LABEL[g.group as RegionalGroup])}: {count(g.count)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ListSearchForm path="/requests" params={d.params} label={t("requests.q")} />
      <InvalidParameters fields={d.invalid} />
      <div className="search-layout">
        <FacetSidebar groups={groups} selected={d.params} link={link} />
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{t("requests.count", { count: d.total })}</h2>
          {d.total === 0 && <p>{t("requests.empty")}</p>}
          <DownloadLinks path="/requests" params={d.params} total={d.total} />
          <ol className="result-list">
            {d.items.map((i) => (
              <li key={i.id}>
                <h3>
                  <a href={href(`/requests/${i.id}`)} lang={i.language}>
                    {i.title}
                  </a>
                </h3>
                <p className="facts">
                  {t("requests.item.facts", {
                    number: i.seq,
                    country: i.country,
                    state: t(STATE_LABEL[i.state]),
                  })}
                  {i.waitingDays !== null && (
                    <>
                      {" · "}
                      <strong>{t("requests.waiting", { days: i.waitingDays })}</strong>
                    </>
                  )}
                </p>
                {i.summary && <p lang={i.language}>{i.summary}</p>}
                {i.supportKinds.length > 0 && (
                  <p className="facts">{i.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k])).join(" · ")}</p>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={d.page} pageCount={d.pageCount} hrefFor={offsetHref(link, d.limit)} />
        </section>
      </div>
    </>
  );
}
