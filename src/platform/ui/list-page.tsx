import type { MessageKey } from "../i18n/messages";
import { useHref, useT } from "./i18n";

/**
 * The parts every searchable list page shares (recommendations, requests, offers, updates): its
 * address carries the whole query, so each part reads the current parameters and writes links
 * or hidden fields that keep them. No script: a filtered, paged view is just an address.
 */

/** Where a page of `limit` records starts, and what the page links need. */
export function offsetPages({ offset, limit }: { offset: number; limit: number }, total: number) {
  return {
    page: Math.floor(offset / limit) + 1,
    pageCount: Math.max(1, Math.ceil(total / limit)),
    limit,
  };
}

/** The address of each page for `Pagination`: the first page has no offset, so it has one address. */
export function offsetHref(
  link: (change: Record<string, string | null>) => string,
  limit: number,
): (page: number) => string {
  return (page) => link({ offset: page > 1 ? String((page - 1) * limit) : null });
}

/**
 * The words box of a list: the other parameters ride along hidden, so a new search keeps the
 * facets chosen, and starts again from the first page.
 */
export function ListSearchForm({
  path,
  params,
  label,
  hint,
  submit,
  name = "q",
}: {
  path: string;
  params: Record<string, string>;
  label: string;
  hint?: string;
  /** The button's words, when the list has its own. */
  submit?: string;
  /** The words' parameter, when the page has another list under its own `q` (a picker). */
  name?: string;
}) {
  const t = useT();
  const href = useHref();
  return (
    <form className="filters" method="get" action={href(path)}>
      <div className="field grow">
        <label htmlFor={name}>{label}</label>
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        <input
          id={name}
          name={name}
          type="search"
          defaultValue={params[name] ?? ""}
          aria-describedby={hint ? `${name}-hint` : undefined}
        />
      </div>
      {Object.entries(params)
        .filter(([k]) => k !== name && k !== "offset")
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      <button type="submit">{submit ?? t("search.submit")}</button>
    </form>
  );
}

/** Says which parameters of the address were left out, rather than failing the whole page. */
export function InvalidParameters({
  fields,
  message = "search.invalid",
}: {
  fields: readonly string[];
  message?: MessageKey;
}) {
  const t = useT();
  if (fields.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{t(message, { fields: fields.join(", ") })}</p>
    </div>
  );
}

/** The whole list as a spreadsheet: the same filters, every page, in the export's own order. */
export function DownloadLinks({
  path,
  params,
  total,
}: {
  path: string;
  params: Record<string, string>;
  total: number;
}) {
  const t = useT();
  const href = useHref();
  if (total === 0) return null;
  const exportLink = (format: string) => {
    const p = new URLSearchParams(params);
    for (const k of ["offset", "limit", "sort"]) p.delete(k);
    const s = p.toString();
    return href(`${path}/export/${format}${s ? `?${s}` : ""}`);
  };
  return (
    <p>
      {t("search.download", { count: total })}{" "}
      <a href={exportLink("csv")} download>
        CSV
      </a>
      {" · "}
      <a href={exportLink("xlsx")} download>
        XLSX
      </a>
    </p>
  );
}
