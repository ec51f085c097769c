import type { ReactNode } from "react";
import { LANGUAGE_TAG, textDirection } from "../i18n/locales";
import { useLocale, useT } from "./i18n";

export interface Bar {
  /** Stable identity of the bar (a code), for React keys. */
  key: string;
  label: string;
  value: number;
  /** Where the bar's row in the table leads, such as a search filtered on that value. */
  href?: string;
  /** Language of the label when it is not the page's (the theme vocabulary is English only). */
  lang?: string;
}

/** Every chart is drawn this wide; a narrow screen scrolls it. */
export const CHART_WIDTH = 720;
const WIDTH = CHART_WIDTH;
const LABEL_WIDTH = 280;
const VALUE_WIDTH = 80;
const GAP = 8;
const ROW = 30;
const BAR = 20;
const PAD = 6;
const FONT = 14;
// Dark blue bars and near-black text on white: 11:1 and 16:1, well over the 3:1 (graphics)
// and 4.5:1 (text) that WCAG 2.1 asks for.
const BAR_FILL = "#0b3d66";
const INK = "#1b1f23";
const AXIS = "#4a5560";
/** Han, Hangul, kana and full-width forms: about one em each, against about half for Latin. */
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * A horizontal bar chart drawn on the server as SVG, then the same figures as a table.
 *
 * The SVG is one image to assistive technology (role="img", named by its title, described by a
 * summary of what it shows); every figure is also written next to its bar, so nothing rests on
 * colour or length alone. The table carries each value exactly, with a link per row: links inside
 * the image would be unreachable to screen readers yet still take keyboard focus. In a
 * right-to-left language the bars grow from the right and the labels sit on the right.
 */
export function BarChart({
  id,
  title,
  labelHeading,
  valueHeading,
  bars,
}: {
  /** Unique on the page: prefixes the ids that tie the image to its title and summary. */
  id: string;
  title: string;
  labelHeading: string;
  valueHeading: string;
  bars: Bar[];
}) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(LANGUAGE_TAG[locale]);
  if (bars.length === 0) return <p>{t("chart.empty")}</p>;
  const rtl = textDirection(locale) === "rtl";
  const height = PAD * 2 + bars.length * ROW;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const track = WIDTH - LABEL_WIDTH - VALUE_WIDTH - GAP * 2;
  // Positions are computed left to right, then mirrored for right-to-left pages.
  const x = (ltr: number, width = 0) => (rtl ? WIDTH - ltr - width : ltr);
  const largest = bars.reduce((a, b) => (b.value > a.value ? b : a));
  const summary = t("chart.summary", {
    count: bars.length,
    label: largest.label,
    value: number.format(largest.value),
  });
  return (
    <>
      <ChartFrame id={id} title={title} summary={summary} height={height} axisAt={x(LABEL_WIDTH + GAP)}>
        {bars.map((bar, i) => {
          const middle = PAD + i * ROW + ROW / 2;
          const length = bar.value > 0 ? Math.max(1, (bar.value / max) * track) : 0;
          const trackStart = LABEL_WIDTH + GAP;
          return (
            <g key={bar.key}>
              <text x={x(LABEL_WIDTH)} y={middle} textAnchor="end" dominantBaseline="central" lang={bar.lang}>
                {isolate(fitLabel(bar.label, LABEL_WIDTH - GAP))}
              </text>
              <rect x={x(trackStart, length)} y={middle - BAR / 2} width={length} height={BAR} fill={BAR_FILL} />
              <text x={x(trackStart + length + GAP)} y={middle} textAnchor="start" dominantBaseline="central">
                {number.format(bar.value)}
              </text>
            </g>
          );
        })}
      </ChartFrame>
      <table className="chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row" lang={bar.lang}>
                {bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}
              </th>
              <td>{number.format(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * SVG text does not wrap: a label longer than its column is cut with an ellipsis (the table
 * below gives it whole). Widths are estimated per character, wide for CJK scripts.
 */
export function fitLabel(label: string, width: number, fontSize = FONT): string {
  const widthOf = (ch: string) => (WIDE.test(ch) ? 1 : 0.56);
  const chars = [...label];
  const budget = width / fontSize;
  if (chars.reduce((sum, ch) => sum + widthOf(ch), 0) <= budget) return label;
  const kept: string[] = [];
  let used = 0;
  // One em kept for the ellipsis.
  for (const ch of chars) {
    if (used + widthOf(ch) > budget - 1) break;
    kept.push(ch);
    used += widthOf(ch);
  }
  return `${kept.join("").trimEnd()}…`;
}

/**
 * A label in its own bidirectional run (first-strong isolate), so that an English label cut with
 * an ellipsis on an Arabic page keeps the ellipsis at its end, not at its start.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * The frame every server-drawn chart shares: an SVG at its own size (so its text stays as large as
 * the page's) in a group a narrow screen scrolls, by keyboard too (hence the tab stop); one image
 * to assistive technology, named by its title and described by a summary; the axis where the bars
 * start. `children` draws the rows; `defs` holds patterns they use.
 */
export function ChartFrame({
  id,
  title,
  summary,
  height,
  axisAt,
  defs,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  height: number;
  /** The x of the axis, already mirrored for right-to-left pages. */
  axisAt: number;
  defs?: ReactNode;
  children: ReactNode;
}) {
  const rtl = textDirection(useLocale()) === "rtl";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useSemanticElements: a named, focusable group scrolls by keyboard; a fieldset is for form controls
    <div className="table-scroll" role="group" aria-labelledby={`${id}-title`} tabIndex={0}>
      <svg
        className="chart"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        direction={rtl ? "rtl" : "ltr"}
        fontSize={FONT}
        fill={INK}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {defs && <defs>{defs}</defs>}
        {children}
        <line x1={axisAt} x2={axisAt} y1={PAD / 2} y2={height - PAD / 2} stroke={AXIS} strokeWidth={1} />
      </svg>
    </div>
  );
}
