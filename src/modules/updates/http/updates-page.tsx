import type { RouteHandle } from "../../../platform/http/guard";
import type { MessageKey } from "../../../platform/i18n/messages";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { FacetSidebar, listLink } from "../../../platform/ui/facets";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { InvalidParameters, ListSearchForm, offsetHref, offsetPages } from "../../../platform/ui/list-page";
import {
  DEVELOPMENT_STATUS_LABEL,
  type DevelopmentStatus,
  GROUP_LABEL,
  type RegionalGroup,
  referenceNames,
} from "../../reference-data";
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
  const [result, names] = await Promise.all([
    listUpdates({ actor: context.actor, query }, context.services),
    referenceNames({ actor: context.actor, locale: context.locale }, context.services),
  ]);
  const { states: stateName, themes: themeName, goals: goalName } = names;
  const labelOf = (facet: UpdateFacet, value: string) =>
    facet === "state" ? (stateName[value] ?? value) : facet === "theme" ? (themeName[value] ?? value) : value;
  return {
    params: Object.fromEntries(params),
    invalid: Object.keys(errors),
    canWrite: UPDATES_POLICIES["updates.write"](context.actor),
    total: result.total,
    ...offsetPages(query, result.total),
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
    if (facet === "status") {
      const status = DEVELOPMENT_STATUS_LABEL[value as DevelopmentStatus];
      return status ? t(status) : fallback;
    }
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
      <ListSearchForm
        path="/updates"
        params={d.params}
        label={t("updates.search.q")}
        submit={t("updates.search.submit")}
      />
      <InvalidParameters fields={d.invalid} message="updates.invalid" />
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
          <Pagination page={d.page} pageCount={d.pageCount} hrefFor={offsetHref(link, d.limit)} />
        </section>
      </div>
    </>
  );
}
