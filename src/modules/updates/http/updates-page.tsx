import type { RouteHandle } from "../../../platform/http/guard";
import type { MessageKey } from "../../../platform/i18n/messages";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { FacetSidebar, listLink } from "../../../platform/ui/facets";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { GROUP_LABEL, listCountries, listSdgGoals, listVocabularies, type RegionalGroup } from "../../reference-data";
import { UPDATES_POLICIES } from "../domain/policy";
import { parseUpdateQuery, UPDATE_FACETS, type UpdateFacet } from "../domain/query";
import { listUpdates } from "../use-cases/list-updates";
import type { Route } from "./+types/updates-page";
import { UPDATE_STATUS_LABEL } from "./update-parts";

// Public: each update is shown to whoever its tier allows, drafts to their own State only.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { query, errors } = parseUpdateQuery(params);
  const [result, countries, vocabularies, goals] = await Promise.all([
    listUpdates({ actor: context.actor, query }, context.services),
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listVocabularies({ actor: context.actor }, context.services),
    listSdgGoals({ actor: context.actor, withIndicators: false }, context.services),
  ]);
  const stateName = Object.fromEntries(countries.map((c) => [c.iso3, c.names[context.locale]]));
  const themeName = Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label]));
  const goalName = Object.fromEntries(goals.map((g) => [String(g.code), g.short[context.locale]]));
  const labelOf = (facet: UpdateFacet, value: string) =>
    facet === "state" ? (stateName[value] ?? value) : facet === "theme" ? (themeName[value] ?? value) : value;
  return {
    params: Object.fromEntries(params),
    invalid: Object.keys(errors),
    canWrite: UPDATES_POLICIES["updates.write"](context.actor),
    total: result.total,
    page: Math.floor(query.offset / query.limit) + 1,
    pageCount: Math.max(1, Math.ceil(result.total / query.limit)),
    limit: query.limit,
    goalName,
    facets: UPDATE_FACETS.map((facet) => ({
      facet,
      values: result.facets[facet].slice(0, 15).map((f) => ({ ...f, label: labelOf(facet, f.value) })),
    })),
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      language: item.language,
      state: stateName[item.stateIso3] ?? item.stateIso3,
      status: item.status,
      version: item.version,
      date: item.date.toISOString(),
      excerpt: item.excerpt,
    })),
  };
}

const FACET_TITLE: Record<UpdateFacet, MessageKey> = {
  state: "updates.facet.state",
  group: "updates.facet.group",
  status: "updates.facet.status",
  theme: "updates.facet.theme",
  sdg: "updates.facet.sdg",
  year: "updates.facet.year",
};

const DEVELOPMENT_STATUS: Record<string, MessageKey> = { ldc: "status.ldc", lldc: "status.lldc", sids: "status.sids" };

export default function UpdatesPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const link = listLink(href, "/updates", d.params);
  const label = (facet: UpdateFacet, value: string, fallback: string) => {
    if (facet === "group") {
      const group = GROUP_LABEL[value as RegionalGroup];
      return group ? t(group) : fallback;
    }
    if (facet === "status") return DEVELOPMENT_STATUS[value] ? t(DEVELOPMENT_STATUS[value]) : fallback;
    if (facet === "sdg") return t("search.sdgValue", { goal: value, title: d.goalName[value] ?? value });
    return fallback;
  };
  return (
    <>
      <title>{`${t("updates.title")} · item10`}</title>
      <PageHeading title={t("updates.title")} lead={t("updates.lead")} />
      {d.canWrite && (
        <p>
          <a href={href("/updates/new")}>{t("updates.new")}</a>
        </p>
      )}
      <form className="filters" method="get" action={href("/updates")}>
        <div className="field grow">
          <label htmlFor="q">{t("updates.search.q")}</label>
          <input id="q" name="q" type="search" defaultValue={d.params.q ?? ""} />
        </div>
        {Object.entries(d.params)
          .filter(([k]) => k !== "q" && k !== "offset")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <button type="submit">{t("updates.search.submit")}</button>
      </form>
      {d.invalid.length > 0 && (
        <div className="error-summary" role="alert">
          <p>{t("updates.invalid", { fields: d.invalid.join(", ") })}</p>
        </div>
      )}
      <div className="search-layout">
        <FacetSidebar
          groups={d.facets.map(({ facet, values }) => ({
            name: facet,
            title: t(FACET_TITLE[facet]),
            values: values.map((v) => ({
              ...v,
              label: label(facet, v.value, v.label),
              lang: facet === "theme" ? "en" : undefined,
            })),
          }))}
          selected={d.params}
          link={link}
        />
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{t("updates.count", { count: d.total })}</h2>
          {d.total === 0 && <p>{t("updates.empty")}</p>}
          <ol className="result-list">
            {d.items.map((item) => (
              <li key={item.id}>
                <h3>
                  <a href={href(`/updates/${item.id}`)} lang={item.language} dir="auto">
                    {item.title}
                  </a>
                </h3>
                <p className="hint">
                  {item.state}
                  {" · "}
                  <time dateTime={item.date}>{date(item.date)}</time>
                  {item.status === "published"
                    ? ` · ${t("updates.version", { version: item.version })}`
                    : ` · ${t(UPDATE_STATUS_LABEL[item.status]!)}`}
                </p>
                {item.excerpt && (
                  <p lang={item.language} dir="auto">
                    {item.excerpt}
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Pagination
            page={d.page}
            pageCount={d.pageCount}
            hrefFor={(p) => link({ offset: p > 1 ? String((p - 1) * d.limit) : null })}
          />
        </section>
      </div>
    </>
  );
}
