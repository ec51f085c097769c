import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/messages";
import { pageWindow } from "../pagination";
import { useT } from "./i18n";

/**
 * What is wrong with a field: a catalogue key, or a key with the values its message names (the
 * key of a recommendation a cluster cannot hold, for example).
 */
export type FieldProblem = string | { key: string; values?: Record<string, string | number> };

function useProblemText() {
  const t = useT();
  return (problem: FieldProblem) =>
    typeof problem === "string" ? t(problem as MessageKey) : t(problem.key as MessageKey, problem.values);
}

/**
 * The error summary of the GOV.UK pattern: at the top of the form, focusable, each error
 * linking to its field, so screen-reader and keyboard users find what to fix.
 */
export function ErrorSummary({
  errors,
  target = (field) => `#${field}`,
}: {
  errors: Partial<Record<string, FieldProblem>>;
  /** Where each error links: its field on this page, or on the page where it can be fixed. */
  target?: (field: string) => string;
}) {
  const t = useT();
  const text = useProblemText();
  const entries = Object.entries(errors).filter((e): e is [string, FieldProblem] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("form.errorSummary.title")}</h2>
      <ul>
        {entries.map(([field, problem]) => (
          <li key={field}>
            <a href={target(field)}>{text(problem)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: FieldProblem }) {
  const text = useProblemText();
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {text(error)}
    </p>
  );
}

/**
 * A labelled form field: label, optional hint, the error (a catalogue key) and the control.
 * Pair the control with `invalidProps` so screen readers announce the hint and the error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: FieldProblem;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** `aria-invalid` and `aria-describedby` for a control inside `Field`. */
export function invalidProps(id: string, error: FieldProblem | undefined, hasHint = false) {
  const describedBy = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    name: id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

export function Flash({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <output className="flash" aria-live="polite">
      {message}
    </output>
  );
}

/** Page links that work without JavaScript; renders nothing when everything fits on one page. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {t("pagination.previous")}
            </a>
          </li>
        )}
        {pages.map((p, i) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap is known only by its place
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <a href={hrefFor(p)} aria-current="page">
                  <span className="visually-hidden">{t("pagination.page")} </span>
                  {p}
                </a>
              ) : (
                <a href={hrefFor(p)}>
                  <span className="visually-hidden">{t("pagination.page")} </span>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {t("pagination.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The search form of the administration lists: a `q` box, any extra filters, and the number found. */
export function SearchForm({ query, total, children }: { query: string; total: number; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <form className="filters" method="get">
        <div className="field">
          <label htmlFor="q">{t("admin.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query} />
        </div>
        {children}
        <button type="submit">{t("admin.searchSubmit")}</button>
      </form>
      <p>{t("admin.count", { count: total })}</p>
    </>
  );
}

export function PageHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <header className="page-heading">
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
    </header>
  );
}
