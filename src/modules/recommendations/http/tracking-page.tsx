import type { RouteHandle } from "../../../platform/http/guard";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { TIER_LABEL } from "../../../platform/ui/form-fields";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import type { VisibilityTier } from "../../../platform/visibility";
import { listCountries, listVocabularies } from "../../reference-data";
import { parseTrackingFilter, TRACKING_STATUSES } from "../domain/tracking";
import { stateTracking } from "../use-cases/tracking";
import { listClusters } from "../use-cases/tracking-clusters";
import type { Route } from "./+types/tracking-page";
import { STATUS_LABEL } from "./tracking-parts";

export const handle = { access: "signed-in" } satisfies RouteHandle;

const PER_PAGE = 25;
const CYCLES = [1, 2, 3, 4];
const EXCERPT = 280;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { filter, invalid } = parseTrackingFilter(params);
  const page = parsePage(params.get("page"));
  const [result, countries, vocabularies] = await Promise.all([
    stateTracking({ actor: context.actor, filter, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }, context.services),
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listVocabularies({ actor: context.actor }, context.services),
  ]);
  const clusters = await listClusters(
    { actor: context.actor, stateIso3: result.writer?.stateIso3 ?? filter.state },
    context.services,
  );
  const names = new Map(countries.map((c) => [c.iso3, c.names[context.locale]]));
  const name = (iso3: string) => names.get(iso3) ?? iso3;
  return {
    params: Object.fromEntries([...params].filter(([k]) => k !== "page")),
    invalid,
    writer: result.writer ? { stateIso3: result.writer.stateIso3, state: name(result.writer.stateIso3) } : null,
    total: result.total,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)),
    items: result.items.map((i) => ({
      key: i.key,
      excerpt: i.text.length > EXCERPT ? `${i.text.slice(0, EXCERPT).trimEnd()}…` : i.text,
      language: i.language,
      state: name(i.stateUnderReview),
      cycle: i.cycle,
      entry: i.entry ? { ...i.entry, updatedAt: i.entry.updatedAt.toISOString() } : null,
    })),
    clusters: clusters.map((c) => ({
      id: c.id,
      name: c.name,
      state: name(c.stateIso3),
      status: c.status,
      visibility: c.visibility,
      members: c.members,
    })),
    themes: vocabularies.themes.map((theme) => ({ code: theme.code, label: theme.label })),
  };
}

export default function TrackingPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const link = (page: number) => {
    const p = new URLSearchParams(d.params);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return href(`/tracking${s ? `?${s}` : ""}`);
  };
  const writer = d.writer;
  const empty = writer ? t("tracking.list.empty.state") : t("tracking.list.empty.shared");
  const table = (
    <div className="table-scroll">
      <table>
        <caption>{t("tracking.list.caption")}</caption>
        <thead>
          <tr>
            {writer && <th scope="col">{t("tracking.column.select")}</th>}
            {!writer && <th scope="col">{t("tracking.column.state")}</th>}
            <th scope="col">{t("tracking.column.recommendation")}</th>
            <th scope="col">{t("tracking.filter.cycle")}</th>
            <th scope="col">{t("tracking.column.status")}</th>
            <th scope="col">{t("tracking.column.visibility")}</th>
            <th scope="col">{t("tracking.column.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {d.items.map((i) => (
            <tr key={`${i.key}-${i.entry?.id ?? ""}`}>
              {writer && (
                <td>
                  <input
                    type="checkbox"
                    name="members"
                    value={i.key}
                    aria-label={t("tracking.select", { key: i.key })}
                  />
                </td>
              )}
              {!writer && <td>{i.state}</td>}
              <td>
                <p lang={i.language}>{i.excerpt}</p>
                <a
                  href={href(`/tracking/${encodeURIComponent(i.key)}`)}
                  aria-label={writer ? t("tracking.open", { key: i.key }) : t("tracking.view", { key: i.key })}
                >
                  {i.key}
                </a>
              </td>
              <td>{i.cycle ?? "—"}</td>
              <td>{i.entry ? t(STATUS_LABEL[i.entry.status]!) : t("tracking.untracked")}</td>
              <td>{i.entry ? t(TIER_LABEL[i.entry.visibility as VisibilityTier]) : "—"}</td>
              <td>{i.entry ? <time dateTime={i.entry.updatedAt}>{date(i.entry.updatedAt)}</time> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <title>{`${t("tracking.title")} · item10`}</title>
      <PageHeading
        title={t("tracking.title")}
        lead={writer ? t("tracking.lead.focalPoint", { state: writer.state }) : t("tracking.lead.others")}
      />

      {(writer || d.clusters.length > 0) && (
        <section aria-labelledby="clusters-heading">
          <h2 id="clusters-heading">{t("tracking.clusters.heading")}</h2>
          {writer && (
            <>
              <p>{t("tracking.clusters.lead")}</p>
              <p>
                <a href={href("/tracking/clusters/new")}>{t("tracking.clusters.new")}</a>
              </p>
            </>
          )}
          {d.clusters.length === 0 ? (
            <p>{t("tracking.clusters.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t("tracking.clusters.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("tracking.column.name")}</th>
                    {!writer && <th scope="col">{t("tracking.column.state")}</th>}
                    <th scope="col">{t("tracking.column.status")}</th>
                    <th scope="col">{t("tracking.column.members")}</th>
                    <th scope="col">{t("tracking.column.visibility")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.clusters.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <a href={href(`/tracking/clusters/${c.id}`)}>{c.name}</a>
                      </th>
                      {!writer && <td>{c.state}</td>}
                      <td>{t(STATUS_LABEL[c.status]!)}</td>
                      <td>{c.members}</td>
                      <td>{t(TIER_LABEL[c.visibility])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">
          {writer ? t("tracking.list.heading.state", { state: writer.state }) : t("tracking.list.heading.shared")}
        </h2>
        <form className="filters" method="get" action={href("/tracking")} aria-label={t("tracking.filter.label")}>
          <div className="field grow">
            <label htmlFor="q">{t("tracking.filter.q")}</label>
            <input id="q" name="q" type="search" defaultValue={d.params.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="status">{t("tracking.column.status")}</label>
            <select id="status" name="status" defaultValue={d.params.status ?? ""}>
              <option value="">{t("tracking.filter.any")}</option>
              {TRACKING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_LABEL[s]!)}
                </option>
              ))}
              {writer && <option value="untracked">{t("tracking.untracked")}</option>}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cycle">{t("tracking.filter.cycle")}</label>
            <select id="cycle" name="cycle" defaultValue={d.params.cycle ?? ""}>
              <option value="">{t("tracking.filter.any")}</option>
              {CYCLES.map((c) => (
                <option key={c} value={c}>
                  {t("search.cycleValue", { cycle: c })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="theme">{t("tracking.filter.theme")}</label>
            <select id="theme" name="theme" defaultValue={d.params.theme ?? ""}>
              <option value="">{t("tracking.filter.any")}</option>
              {d.themes.map((theme) => (
                <option key={theme.code} value={theme.code} lang="en">
                  {theme.label}
                </option>
              ))}
            </select>
          </div>
          {d.params.state && <input type="hidden" name="state" value={d.params.state} />}
          <button type="submit">{t("tracking.filter.submit")}</button>
        </form>
        {d.invalid.length > 0 && (
          <div className="error-summary" role="alert">
            <p>{t("tracking.filter.invalid", { fields: d.invalid.join(", ") })}</p>
          </div>
        )}
        <p>{t("tracking.list.count", { count: d.total })}</p>
        {d.total === 0 ? (
          <p>{empty}</p>
        ) : writer ? (
          <form method="get" action={href("/tracking/clusters/new")}>
            {table}
            <button type="submit" className="secondary">
              {t("tracking.group")}
            </button>
          </form>
        ) : (
          table
        )}
        <Pagination page={d.page} pageCount={Math.min(d.pageCount, 200)} hrefFor={link} />
      </section>
    </>
  );
}
