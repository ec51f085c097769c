import { LANGUAGE_TAG, textDirection } from "../../../platform/i18n/locales";
import { SMALLEST_PUBLIC_COUNT } from "../../../platform/statistics";
import { ChartFrame, fitLabel, isolate, CHART_WIDTH as WIDTH } from "../../../platform/ui/charts";
import { useLocale, useT } from "../../../platform/ui/i18n";
import { type GapCount, isWithheld } from "../domain/gap-map";

export interface GapBars {
  key: string;
  label: string;
  requests: GapCount;
  offers: GapCount;
}

const LABEL_WIDTH = 260;
const VALUE_WIDTH = 130;
const GAP = 8;
const BAR = 15;
const ROW = 44;
const PAD = 8;
const VALUE_FONT = 13;
const INK = "#1b1f23";
// Dark blue (11:1 on white) for demand; dark brown stripes with a solid outline (6.8:1) for
// supply: the two differ by pattern as well as by colour.
const DEMAND = "#0b3d66";
const SUPPLY = "#8a4b00";

/**
 * A figure's length on the chart: "fewer than 3" is drawn to 3, as an outline, never as a guess;
 * so is a withheld figure, which is 3 or more: the outline is then as far as it surely reaches.
 */
const reach = (count: GapCount) => ("exact" in count ? count.exact : SMALLEST_PUBLIC_COUNT);

/** The stripes that fill the supply bars; ids are prefixed so two charts on a page do not clash. */
function Stripes({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect width={6} height={6} fill="#fff" />
      <line x1={0} y1={0} x2={0} y2={6} stroke={SUPPLY} strokeWidth={3} />
    </pattern>
  );
}

function Bar({
  x,
  y,
  length,
  count,
  fill,
  stroke,
}: {
  x: number;
  y: number;
  length: number;
  count: GapCount;
  fill: string;
  stroke: string;
}) {
  if (length === 0) return null;
  return "exact" in count ? (
    <rect x={x} y={y} width={length} height={BAR} fill={fill} stroke={stroke} strokeWidth={1} />
  ) : (
    <rect x={x} y={y} width={length} height={BAR} fill="none" stroke={stroke} strokeWidth={1.5} strokeDasharray="4 3" />
  );
}

/**
 * Demand against supply for each row of the gap map, drawn on the server as SVG: per row a solid
 * bar for open requests and a striped one for open offers, each with its figure written beside it.
 * The SVG is one image to assistive technology (named by its title, described by a summary); the
 * heat table above is its accessible alternative, holding every figure. In a right-to-left
 * language the bars grow from the right and the labels sit on the right.
 */
export function GapChart({ id, title, rows }: { id: string; title: string; rows: readonly GapBars[] }) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(LANGUAGE_TAG[locale]);
  if (rows.length === 0) return <p>{t("chart.empty")}</p>;
  const rtl = textDirection(locale) === "rtl";
  const height = PAD * 2 + rows.length * ROW;
  const max = Math.max(1, ...rows.flatMap((r) => [reach(r.requests), reach(r.offers)]));
  const trackStart = LABEL_WIDTH + GAP;
  const track = WIDTH - trackStart - VALUE_WIDTH - GAP;
  const x = (ltr: number, width = 0) => (rtl ? WIDTH - ltr - width : ltr);
  const lengthOf = (count: GapCount) => {
    const value = reach(count);
    return value > 0 ? Math.max(1, (value / max) * track) : 0;
  };
  const figure = (count: GapCount) =>
    "exact" in count
      ? number.format(count.exact)
      : "fewerThan" in count
        ? t("statistics.fewerThan", { n: count.fewerThan })
        : t("gaps.chart.figure.withheld");
  const withheld = rows.some((row) => isWithheld(row.requests) || isWithheld(row.offers));
  const stripes = `${id}-stripes`;
  return (
    <>
      <ChartFrame
        id={id}
        title={title}
        summary={t("gaps.chart.summary", { count: rows.length })}
        height={height}
        axisAt={x(trackStart)}
        defs={<Stripes id={stripes} />}
      >
        {rows.map((row, i) => {
          const middle = PAD + i * ROW + ROW / 2;
          const bars = [
            { count: row.requests, y: middle - BAR - 1, fill: DEMAND, stroke: DEMAND },
            { count: row.offers, y: middle + 1, fill: `url(#${stripes})`, stroke: SUPPLY },
          ];
          return (
            <g key={row.key}>
              <text x={x(LABEL_WIDTH)} y={middle} textAnchor="end" dominantBaseline="central">
                {isolate(fitLabel(row.label, LABEL_WIDTH - GAP))}
              </text>
              {bars.map((bar) => {
                const length = lengthOf(bar.count);
                return (
                  <g key={bar.y}>
                    <Bar
                      x={x(trackStart, length)}
                      y={bar.y}
                      length={length}
                      count={bar.count}
                      fill={bar.fill}
                      stroke={bar.stroke}
                    />
                    <text
                      x={x(trackStart + length + GAP)}
                      y={bar.y + BAR / 2}
                      textAnchor="start"
                      dominantBaseline="central"
                      fontSize={VALUE_FONT}
                    >
                      {figure(bar.count)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </ChartFrame>
      <ul className="gap-legend">
        <li>
          <Swatch id={`${id}-key-requests`} kind="requests" /> {t("gaps.chart.requests")}
        </li>
        <li>
          <Swatch id={`${id}-key-offers`} kind="offers" /> {t("gaps.chart.offers")}
        </li>
        <li>
          <Swatch id={`${id}-key-fewer`} kind="fewer" /> {t("statistics.fewerThan", { n: SMALLEST_PUBLIC_COUNT })}
        </li>
        {withheld && (
          <li>
            <Swatch id={`${id}-key-withheld`} kind="fewer" /> {t("gaps.chart.withheld")}
          </li>
        )}
      </ul>
    </>
  );
}

/** The chart's key, as the bars themselves look. */
function Swatch({ id, kind }: { id: string; kind: "requests" | "offers" | "fewer" }) {
  return (
    <svg width={32} height={BAR + 2} viewBox={`0 0 32 ${BAR + 2}`} aria-hidden="true" focusable="false">
      {kind === "offers" && (
        <defs>
          <Stripes id={id} />
        </defs>
      )}
      <Bar
        x={1}
        y={1}
        length={30}
        count={kind === "fewer" ? { fewerThan: SMALLEST_PUBLIC_COUNT } : { exact: 1 }}
        fill={kind === "offers" ? `url(#${id})` : DEMAND}
        stroke={kind === "offers" ? SUPPLY : kind === "fewer" ? INK : DEMAND}
      />
    </svg>
  );
}
