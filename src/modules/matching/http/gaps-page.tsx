import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { InvalidParameters } from "../../../platform/ui/list-page";
import {
  DEVELOPMENT_STATUS_ABBREVIATION,
  DEVELOPMENT_STATUS_LABEL,
  GROUP_LABEL,
  listSdgGoals,
  REGIONAL_GROUPS,
  type RegionalGroup,
} from "../../reference-data";
import {
  ALL,
  GAP_DIMENSIONS,
  GAP_LEVELS,
  GAP_STATUS_COLUMNS,
  type GapCell,
  type GapCount,
  type GapDimension,
  type GapLevel,
  isWithheld,
  NONE,
  parseGapQuery,
  UNANSWERED_AFTER_DAYS,
} from "../domain/gap-map";
import type { ThemeFamily } from "../domain/theme-families";
import { getGapMap } from "../use-cases/gap-map";
import type { Route } from "./+types/gaps-page";
import { GapChart } from "./gap-chart";
import { FAMILY_LABEL, GAP_LEVEL_LABEL } from "./labels";

// Public: everyone reads the public figures; getGapMap gives the full picture only to those the policy allows.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { dimension, errors } = parseGapQuery(new URL(request.url).searchParams);
  const { actor, locale } = context;
  const map = await getGapMap({ actor, dimension }, context.services);
  const goals = dimension === "sdg" ? await listSdgGoals({ actor, withIndicators: false }, context.services) : [];
  return {
    dimension,
    invalid: Object.keys(errors),
    audience: map.audience,
    signedIn: actor.kind === "user",
    columns: map.columns,
    rows: map.rows,
    total: map.total,
    asOf: map.asOf,
    withheld: [...map.rows, map.total].some((row) =>
      Object.values(row.cells).some((c) => isWithheld(c.requests) || isWithheld(c.offers) || isWithheld(c.unanswered)),
    ),
    goalNames: Object.fromEntries(goals.map((g) => [String(g.code), g.short[locale]])),
  };
}

const BY_LABEL = { theme: "gaps.by.theme", sdg: "gaps.by.sdg" } as const satisfies Record<GapDimension, string>;

/**
 * A sign for each level besides its colour, so the comparison does not rest on colour alone;
 * the legend names each, and screen readers hear the level's name instead.
 */
const MARK: Record<GapLevel, string> = {
  "no-demand": "",
  covered: "✓",
  short: "!",
  unmet: "!!",
  unclear: "?",
};

const isGroup = (column: string): column is RegionalGroup => (REGIONAL_GROUPS as readonly string[]).includes(column);

function Cell({ cell }: { cell: GapCell }) {
  const t = useT();
  const days = UNANSWERED_AFTER_DAYS;
  const figure = (count: GapCount, measure: "requests" | "offers" | "unanswered") =>
    "exact" in count
      ? t(`gaps.cell.${measure}`, { count: count.exact, days })
      : "fewerThan" in count
        ? t(`gaps.cell.${measure}.fewer`, { n: count.fewerThan, days })
        : t(`gaps.cell.${measure}.withheld`, { days });
  const empty = [cell.requests, cell.offers, cell.unanswered].every((c) => "exact" in c && c.exact === 0);
  if (empty)
    return (
      <td className="gap-cell gap-no-demand">
        <span aria-hidden="true">0</span>
        <span className="visually-hidden">{t("gaps.cell.empty")}</span>
      </td>
    );
  return (
    <td className={`gap-cell gap-${cell.level}`}>
      <span className="gap-figure">{figure(cell.requests, "requests")}</span>
      <span className="gap-figure">{figure(cell.offers, "offers")}</span>
      <span className="gap-figure">{figure(cell.unanswered, "unanswered")}</span>
      {cell.level !== "no-demand" && (
        <span className="gap-mark">
          <span aria-hidden="true">{MARK[cell.level]}</span>
          <span className="visually-hidden">{t(GAP_LEVEL_LABEL[cell.level])}</span>
        </span>
      )}
    </td>
  );
}

export default function GapsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const byTheme = d.dimension === "theme";
  const rowLabel = (key: string) => {
    if (key === NONE) return t(byTheme ? "gaps.row.none.theme" : "gaps.row.none.sdg");
    if (byTheme) return t(FAMILY_LABEL[key as ThemeFamily]);
    return t("form.sdgGoal", { goal: key, title: d.goalNames[key] ?? "" });
  };
  const groups = d.columns.filter(isGroup);
  const caption = t(byTheme ? "gaps.table.caption.theme" : "gaps.table.caption.sdg");
  const audience =
    d.audience === "full"
      ? t("gaps.audience.full")
      : d.signedIn
        ? `${t("gaps.audience.signedIn")} ${t("gaps.audience.public")}`
        : t("gaps.audience.public");
  const cells = (cellsByColumn: Record<string, GapCell>) =>
    d.columns.map((column) => <Cell key={column} cell={cellsByColumn[column]!} />);
  return (
    <>
      <title>{`${t("gaps.title")} · item10`}</title>
      <PageHeading title={t("gaps.title")} lead={t("gaps.lead")} />
      <InvalidParameters fields={d.invalid} />
      <p className="notice">{audience}</p>
      <nav aria-label={t("gaps.by.label")}>
        <ul className="actions">
          {GAP_DIMENSIONS.map((dimension) => (
            <li key={dimension}>
              <a href={href(`/gaps?by=${dimension}`)} aria-current={dimension === d.dimension ? "page" : undefined}>
                {t(BY_LABEL[dimension])}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t("gaps.legend.title")}</h2>
        <p>{t("gaps.legend.lead")}</p>
        <ul className="gap-legend">
          {GAP_LEVELS.map((level) => (
            <li key={level}>
              <span className={`gap-swatch gap-${level}`} aria-hidden="true">
                {MARK[level]}
              </span>{" "}
              {t(GAP_LEVEL_LABEL[level])}
            </li>
          ))}
        </ul>
      </section>

      {/* biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useSemanticElements: a named, focusable group scrolls by keyboard; a fieldset is for form controls */}
      <div className="table-scroll" role="group" aria-labelledby="gap-caption" tabIndex={0}>
        <table className="gap-table" id="gap-table">
          <caption id="gap-caption">{caption}</caption>
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={groups.length} />
          <colgroup span={GAP_STATUS_COLUMNS.length} />
          <colgroup>
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t(byTheme ? "gaps.table.rowHeader.theme" : "gaps.table.rowHeader.sdg")}
              </th>
              <th scope="colgroup" colSpan={groups.length}>
                {t("gaps.columns.groups")}
              </th>
              <th scope="colgroup" colSpan={GAP_STATUS_COLUMNS.length}>
                {t("gaps.columns.statuses")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("gaps.column.all")}
              </th>
            </tr>
            <tr>
              {groups.map((group) => (
                <th key={group} scope="col">
                  {t(GROUP_LABEL[group])}
                </th>
              ))}
              {GAP_STATUS_COLUMNS.map((status) => (
                <th key={status} scope="col">
                  <abbr title={t(DEVELOPMENT_STATUS_LABEL[status])}>{t(DEVELOPMENT_STATUS_ABBREVIATION[status])}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{rowLabel(row.key)}</th>
                {cells(row.cells)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("gaps.row.all")}</th>
              {cells(d.total.cells)}
            </tr>
          </tfoot>
        </table>
      </div>
      {d.withheld && <p className="hint">{t("gaps.notes.withheld")}</p>}
      <p className="hint">{t("gaps.asOf", { date: date(d.asOf) })}</p>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("gaps.chart.heading")}</h2>
        <GapChart
          id="gap-chart"
          title={t(byTheme ? "gaps.chart.title.theme" : "gaps.chart.title.sdg")}
          rows={d.rows.map((row) => ({
            key: row.key,
            label: rowLabel(row.key),
            requests: row.cells[ALL]!.requests,
            offers: row.cells[ALL]!.offers,
          }))}
        />
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("gaps.notes.title")}</h2>
        <ul>
          <li>{t("gaps.notes.rows")}</li>
          <li>{t("gaps.notes.requests")}</li>
          <li>{t("gaps.notes.offers")}</li>
        </ul>
        {d.audience === "public" && (
          <p>
            {t("gaps.api")} <a href={`/api/v1/gaps?by=${d.dimension}`}>{`/api/v1/gaps?by=${d.dimension}`}</a>
          </p>
        )}
      </section>
    </>
  );
}
