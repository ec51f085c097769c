import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../i18n/messages";
import { type Bar, BarChart, fitLabel } from "./charts";

const render = (node: ReactNode, locale: "en" | "ar" | "zh" = "en") =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
      {node}
    </IntlProvider>,
  );

const bars: Bar[] = [
  { key: "supported", label: "Supported", value: 1200, href: "/en/recommendations?response=supported" },
  { key: "noted", label: "Noted", value: 300, href: "/en/recommendations?response=noted" },
];
const chart = (locale: "en" | "ar" = "en", data = bars) =>
  render(<BarChart id="c" title="By response" labelHeading="Response" valueHeading="Count" bars={data} />, locale);

describe("BarChart", () => {
  it("is one image named by its title and described by a summary of its largest value", () => {
    const html = chart();
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="c-title" aria-describedby="c-desc"/);
    expect(html).toContain('<title id="c-title">By response</title>');
    expect(html).toContain('<desc id="c-desc">Bar chart of 2 values; the largest is Supported: 1,200.');
    expect(html).not.toMatch(/<svg[\s\S]*<a [\s\S]*<\/svg>/);
  });

  it("writes each figure beside its bar, so that length and colour carry no meaning alone", () => {
    const html = chart();
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain(">\u2068Supported\u2069</text>");
    expect(svg).toContain(">1,200</text>");
    expect(svg).toContain(">300</text>");
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]! / widths[1]!).toBeCloseTo(4, 5);
  });

  it("is followed by a table of the same figures, with a caption, header scopes and a link per row", () => {
    const html = chart();
    expect(html.indexOf("<table")).toBeGreaterThan(html.indexOf("</svg>"));
    expect(html).toContain("<caption>By response</caption>");
    expect(html).toContain('<th scope="col">Response</th><th scope="col">Count</th>');
    expect(html).toContain(
      '<tr><th scope="row"><a href="/en/recommendations?response=supported">Supported</a></th><td>1,200</td></tr>',
    );
  });

  it("grows from the right in a right-to-left language, with figures in that language's digits", () => {
    const ltr = chart("en");
    const rtl = chart("ar");
    expect(rtl).toContain('direction="rtl"');
    const firstBar = (html: string) => /<rect x="([\d.]+)"[^>]*width="([\d.]+)"/.exec(html)!.slice(1).map(Number);
    const [ltrX, width] = firstBar(ltr);
    const [rtlX] = firstBar(rtl);
    expect(rtlX! + width!).toBeCloseTo(720 - ltrX!, 5);
    expect(rtl).toContain(new Intl.NumberFormat("ar").format(1200));
    expect(rtl).toContain(CATALOGUES.ar["chart.summary"].slice(0, 10));
  });

  it("says there is nothing to show rather than drawing an empty chart", () => {
    expect(chart("en", [])).toBe(`<p>${CATALOGUES.en["chart.empty"]}</p>`);
  });

  it("marks a label in another language than the page's", () => {
    const html = chart("ar", [{ key: "t", label: "Labour", value: 3, lang: "en" }]);
    expect(html).toMatch(/<text [^>]*lang="en"[^>]*>\u2068Labour\u2069<\/text>/);
    expect(html).toContain('<th scope="row" lang="en">Labour</th>');
  });
});

describe("fitLabel", () => {
  it("keeps a label that fits, and cuts a longer one with an ellipsis", () => {
    expect(fitLabel("Women's rights", 272)).toBe("Women's rights");
    const long = "Rights related to name, identity, nationality and the registration of births";
    const cut = fitLabel(long, 272);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect([...cut].length).toBeLessThan(36);
  });

  it("counts Chinese characters as wide", () => {
    const label = "与特别程序合作和执行其建议的问题与挑战";
    expect(fitLabel(label, 272)).toBe(label);
    expect(fitLabel(label.repeat(2), 272)).toHaveLength(19);
  });
});
