import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../i18n/messages";
import { ErrorSummary, Flash, Pagination } from "./components";

const render = (node: ReactNode, locale: "en" | "ar" = "en") =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={CATALOGUES[locale]}>
      {node}
    </IntlProvider>,
  );

describe("Pagination", () => {
  const href = (p: number) => `/en/countries?page=${p}`;

  it("renders nothing when everything fits on one page", () => {
    expect(render(<Pagination page={1} pageCount={1} hrefFor={href} />)).toBe("");
  });

  it("links every page, marks the current one, and offers previous and next", () => {
    const html = render(<Pagination page={2} pageCount={3} hrefFor={href} />);
    expect(html).toContain('<nav class="pagination" aria-label="Pages">');
    expect(html).toContain('<a href="/en/countries?page=1" rel="prev">Previous</a>');
    expect(html).toContain('<a href="/en/countries?page=3" rel="next">Next</a>');
    expect(html).toMatch(/<a href="\/en\/countries\?page=2" aria-current="page">/);
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it("has no previous link on the first page and no next link on the last", () => {
    expect(render(<Pagination page={1} pageCount={2} hrefFor={href} />)).not.toContain('rel="prev"');
    expect(render(<Pagination page={2} pageCount={2} hrefFor={href} />)).not.toContain('rel="next"');
  });
});

describe("ErrorSummary", () => {
  it("lists each error as a link to its field, in the reader's language", () => {
    const html = render(<ErrorSummary errors={{ group: "countries.filter.error.group" }} />, "ar");
    expect(html).toContain('role="alert"');
    expect(html).toContain(`<a href="#group">${CATALOGUES.ar["countries.filter.error.group"]}</a>`);
    expect(html).toContain(CATALOGUES.ar["form.errorSummary.title"]);
  });

  it("renders nothing without errors", () => {
    expect(render(<ErrorSummary errors={{}} />)).toBe("");
  });
});

it("announces a flash message politely", () => {
  expect(render(<Flash message="Saved" />)).toBe('<output class="flash" aria-live="polite">Saved</output>');
  expect(render(<Flash message={null} />)).toBe("");
});
