import { Fragment } from "react";
import type { RouteHandle } from "../../../platform/http/guard";
import type { MessageKey } from "../../../platform/i18n/messages";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { FacetSidebar, listLink } from "../../../platform/ui/facets";
import { useHref, useT } from "../../../platform/ui/i18n";
import {
  DownloadLinks,
  InvalidParameters,
  ListSearchForm,
  offsetHref,
  offsetPages,
} from "../../../platform/ui/list-page";
import { GROUP_LABEL, type RegionalGroup, referenceNames } from "../../reference-data";
import { parseRecommendationQuery } from "../domain/query";
import { importsInProgress } from "../use-cases/import-runs";
import { searchRecommendations } from "../use-cases/search-recommendations";
import type { Route } from "./+types/search-page";
import { KIND_LABEL, RESPONSE_LABEL } from "./labels";
import { RecommendationFacts } from "./recommendation-parts";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { query, errors } = parseRecommendationQuery(params);
  const [result, names, loading] = await Promise.all([
    searchRecommendations(
      { actor: context.actor, query: Object.keys(errors).length ? { ...query, q: "" } : query },
      context.services,
    ),
    referenceNames({ actor: context.actor, locale: context.locale }, context.services),
    importsInProgress({ actor: context.actor }, context.services),
  ]);
  const { goals: goalName, states: stateName, themes: themeName, affectedPersons: personName } = names;
  return {
    loading,
    sort: query.sort,
    params: Object.fromEntries(params),
    invalid: Object.keys(errors),
    total: result.total,
    ...offsetPages(query, result.total),
    items: result.items.map((i) => ({
      key: i.key,
      language: i.language,
      kind: i.kind,
      highlighted: i.highlighted,
      state: stateName[i.stateUnderReview] ?? i.stateUnderReview,
      by: i.recommendingStates.map((s) => stateName[s] ?? s),
      cycle: i.cycle,
      session: i.session,
      year: i.year,
      response: i.response,
    })),
    facets: {
      state_under_review: result.facets.state_under_review
        .slice(0, 12)
        .map((f) => ({ ...f, label: stateName[f.value] ?? f.value })),
      recommending_state: result.facets.recommending_state
        .slice(0, 12)
        .map((f) => ({ ...f, label: stateName[f.value] ?? f.value })),
      cycle: result.facets.cycle.map((f) => ({ ...f, label: f.value })),
      response: result.facets.response.map((f) => ({ ...f, label: f.value })),
      kind: result.facets.kind.map((f) => ({ ...f, label: f.value })),
      theme: result.facets.theme.slice(0, 12).map((f) => ({ ...f, label: themeName[f.value] ?? f.value })),
      sdg: result.facets.sdg.map((f) => ({ ...f, label: goalName[f.value] ?? f.value })),
      affected_person: result.facets.affected_person
        .slice(0, 12)
        .map((f) => ({ ...f, label: personName[f.value] ?? f.value })),
      state_under_review_group: result.facets.state_under_review_group.map((f) => ({ ...f, label: f.value })),
      recommending_group: result.facets.recommending_group.map((f) => ({ ...f, label: f.value })),
      session: result.facets.session.slice(0, 12).map((f) => ({ ...f, label: f.value })),
      year: result.facets.year.slice(0, 12).map((f) => ({ ...f, label: f.value })),
      action_category: result.facets.action_category.map((f) => ({ ...f, label: f.value })),
    },
  };
}

/** `\u0001word\u0002` from the database becomes <mark>word</mark>, with no HTML parsed. */
function Highlighted({ text }: { text: string }) {
  // Every chunk after a start marker is "marked\u0002plain"; the first chunk is plain.
  const [first, ...rest] = text.split("\u0001");
  return (
    <>
      {first}
      {rest.map((chunk, i) => {
        const [marked, plain] = chunk.split("\u0002");
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <Fragment key={i}>
            <mark>{marked}</mark>
            {plain}
          </Fragment>
        );
      })}
    </>
  );
}

const FACET_TITLES: Record<string, MessageKey> = {
  state_under_review: "facet.state_under_review",
  recommending_state: "facet.recommending_state",
  cycle: "facet.cycle",
  response: "facet.response",
  kind: "facet.kind",
  theme: "facet.theme",
  sdg: "facet.sdg",
  affected_person: "facet.affected_person",
  state_under_review_group: "facet.state_under_review_group",
  recommending_group: "facet.recommending_group",
  session: "facet.session",
  year: "facet.year",
  action_category: "facet.action_category",
};

const ACTION_LABEL: Record<string, MessageKey> = {
  "1": "action.1",
  "2": "action.2",
  "3": "action.3",
  "4": "action.4",
  "5": "action.5",
};

export default function SearchPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const link = listLink(href, "/recommendations", d.params);
  const label = (facet: string, value: string, fallback: string): string => {
    const group = GROUP_LABEL[value as RegionalGroup];
    switch (facet) {
      case "response":
        return RESPONSE_LABEL[value] ? t(RESPONSE_LABEL[value]) : fallback;
      case "kind":
        return KIND_LABEL[value] ? t(KIND_LABEL[value]) : fallback;
      case "cycle":
        return t("search.cycleValue", { cycle: value });
      case "session":
        return t("search.sessionValue", { session: value });
      case "action_category":
        return ACTION_LABEL[value] ? t(ACTION_LABEL[value]) : fallback;
      case "sdg":
        return t("search.sdgValue", { goal: value, title: fallback });
      case "state_under_review_group":
      case "recommending_group":
        return group ? t(group) : fallback;
      default:
        return fallback;
    }
  };
  return (
    <>
      <title>{`${t("search.title")} · item10`}</title>
      <PageHeading title={t("search.title")} lead={t("search.lead")} />
      {d.loading.map((run) => (
        <p key={run.fileName} className="notice" role="status">
          {run.status === "queued"
            ? t("search.loadingQueued", { file: run.fileName })
            : run.total === 0
              ? t("search.loadingChecking", { file: run.fileName })
              : t("search.loading", { file: run.fileName, done: run.done, total: run.total })}
        </p>
      ))}
      <ListSearchForm path="/recommendations" params={d.params} label={t("search.q")} hint={t("search.help")} />
      <InvalidParameters fields={d.invalid} />
      <div className="search-layout">
        <FacetSidebar
          groups={Object.entries(d.facets).map(([facet, values]) => ({
            name: facet,
            title: t(FACET_TITLES[facet]!),
            values: values.map((v) => ({ value: v.value, count: v.count, label: label(facet, v.value, v.label) })),
          }))}
          selected={d.params}
          link={link}
        />
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{t("search.count", { count: d.total })}</h2>
          {d.params.q && d.total > 1 && (
            <p>
              {t("search.sort")}{" "}
              {(["relevance", "date"] as const).map((sort, i) => (
                <Fragment key={sort}>
                  {i > 0 && " · "}
                  <a href={link({ sort })} aria-current={d.sort === sort ? "true" : undefined}>
                    {t(sort === "relevance" ? "search.sort.relevance" : "search.sort.date")}
                  </a>
                </Fragment>
              ))}
            </p>
          )}
          <DownloadLinks path="/recommendations" params={d.params} total={d.total} />
          {d.total === 0 && <p>{t("search.empty")}</p>}
          <ol className="result-list">
            {d.items.map((i) => (
              <li key={i.key}>
                <p lang={i.language}>
                  <a href={href(`/recommendations/${encodeURIComponent(i.key)}`)}>
                    <Highlighted text={i.highlighted} />
                  </a>
                </p>
                <RecommendationFacts item={i} />
              </li>
            ))}
          </ol>
          <Pagination page={d.page} pageCount={d.pageCount} hrefFor={offsetHref(link, d.limit)} />
        </section>
      </div>
    </>
  );
}
