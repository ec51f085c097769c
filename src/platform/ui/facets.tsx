import { useLocale, useT } from "./i18n";

export interface FacetGroup {
  /** The query parameter the facet sets. */
  name: string;
  title: string;
  values: { value: string; label: string; count: number; lang?: string }[];
}

/**
 * The refine-by sidebar of a list page: each facet a list of links that set (or clear) its query
 * parameter, with how many matching records carry each value. Plain links, so it works without
 * script and every filtered view has its own address.
 */
export function FacetSidebar({
  groups,
  selected,
  link,
}: {
  groups: readonly FacetGroup[];
  selected: Record<string, string | undefined>;
  link: (change: Record<string, string | null>) => string;
}) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  return (
    <aside aria-label={t("search.refine")}>
      {groups.map((group) =>
        group.values.length === 0 ? null : (
          <section key={group.name} className="facet">
            <h2>{group.title}</h2>
            <ul>
              {selected[group.name] && (
                <li>
                  <a href={link({ [group.name]: null })}>{t("search.clear")}</a>
                </li>
              )}
              {group.values.map((v) => (
                <li key={v.value}>
                  <a
                    href={link({ [group.name]: v.value })}
                    aria-current={selected[group.name] === v.value ? "true" : undefined}
                    lang={v.lang}
                  >
                    {v.label}
                  </a>{" "}
                  <span className="count">{number.format(v.count)}</span>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </aside>
  );
}

/** A link builder for a list page: the current parameters, changed, with the page offset reset. */
export function listLink(
  href: (path: string) => string,
  path: string,
  params: Record<string, string>,
): (change: Record<string, string | null>) => string {
  return (change) => {
    const p = new URLSearchParams(params);
    p.delete("offset");
    for (const [k, v] of Object.entries(change)) v === null ? p.delete(k) : p.set(k, v);
    const s = p.toString();
    return href(`${path}${s ? `?${s}` : ""}`);
  };
}
