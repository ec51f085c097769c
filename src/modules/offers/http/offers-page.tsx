import type { RouteHandle } from "../../../platform/http/guard";
import type { ProviderType, SupportKind } from "../../../platform/support-vocabulary";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL, useLanguageName } from "../../../platform/ui/form-fields";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { GROUP_LABEL, listCountries, listSdgGoals, listVocabularies, type RegionalGroup } from "../../reference-data";
import type { OfferStatus } from "../domain/offer";
import { OFFERS_POLICIES } from "../domain/policy";
import { type AgeBucket, NO_LIMIT, OFFER_FACETS, type OfferFacet, parseOfferQuery } from "../domain/query";
import { searchOffers } from "../use-cases/search-offers";
import type { Route } from "./+types/offers-page";
import { AGE_LABEL, ELIGIBLE_STATUS_LABEL, FACET_TITLE, OFFER_STATUS_LABEL } from "./labels";
import { OfferFacts } from "./offer-facts";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { query, invalid } = parseOfferQuery(params);
  const [result, countries, vocabularies, goals] = await Promise.all([
    searchOffers({ actor: context.actor, query }, context.services),
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listVocabularies({ actor: context.actor }, context.services),
    listSdgGoals({ actor: context.actor, withIndicators: false }, context.services),
  ]);
  const goalName = new Map(goals.map((g) => [String(g.code), g.short[context.locale]]));
  const themeName = new Map(vocabularies.themes.map((t) => [t.code, t.label]));
  const named = new Set(result.items.flatMap((i) => i.eligibility.namedStates));
  return {
    params: Object.fromEntries(params),
    invalid,
    canPublish: OFFERS_POLICIES["offers.publish"](context.actor),
    total: result.total,
    page: Math.floor(query.offset / query.limit) + 1,
    pageCount: Math.max(1, Math.ceil(result.total / query.limit)),
    limit: query.limit,
    items: result.items,
    stateNames: Object.fromEntries(
      countries.filter((c) => named.has(c.iso3)).map((c) => [c.iso3, c.names[context.locale]]),
    ),
    facets: Object.fromEntries(
      OFFER_FACETS.map((facet) => [
        facet,
        result.facets[facet].slice(0, 12).map((f) => ({
          ...f,
          name: facet === "theme" ? themeName.get(f.value) : facet === "sdg" ? goalName.get(f.value) : undefined,
        })),
      ]),
    ) as Record<OfferFacet, { value: string; count: number; name?: string }[]>,
  };
}

export default function OffersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale());
  const languageName = useLanguageName();
  const link = (change: Record<string, string | null>) => {
    const p = new URLSearchParams(d.params);
    p.delete("offset");
    for (const [k, v] of Object.entries(change)) v === null ? p.delete(k) : p.set(k, v);
    const s = p.toString();
    return href(`/offers${s ? `?${s}` : ""}`);
  };
  const label = (facet: OfferFacet, value: string, name: string | undefined): { text: string; lang?: string } => {
    switch (facet) {
      case "theme":
        return { text: name ?? value, lang: name ? "en" : undefined };
      case "sdg":
        return { text: t("search.sdgValue", { goal: value, title: name ?? "" }) };
      case "kind":
        return { text: t(SUPPORT_KIND_LABEL[value as SupportKind]) };
      case "group":
        return {
          text: value === NO_LIMIT ? t("offers.eligibility.anyGroup") : t(GROUP_LABEL[value as RegionalGroup]),
        };
      case "status":
        return { text: value === NO_LIMIT ? t("offers.eligibility.anyStatus") : t(ELIGIBLE_STATUS_LABEL[value]!) };
      case "providerType":
        return { text: t(PROVIDER_TYPE_LABEL[value as ProviderType]) };
      case "language":
        return { text: languageName(value) };
      case "offerStatus":
        return { text: t(OFFER_STATUS_LABEL[value as OfferStatus]) };
      case "age":
        return { text: t(AGE_LABEL[value as AgeBucket]) };
    }
  };
  return (
    <>
      <title>{`${t("offers.title")} · item10`}</title>
      <PageHeading title={t("offers.title")} lead={t("offers.lead")} />
      {d.canPublish && (
        <p>
          <a href={href("/offers/new")}>{t("offers.publish")}</a>
        </p>
      )}
      <form className="filters" method="get" action={href("/offers")}>
        <div className="field grow">
          <label htmlFor="q">{t("offers.search.q")}</label>
          <p className="hint" id="q-hint">
            {t("offers.search.help")}
          </p>
          <input id="q" name="q" type="search" defaultValue={d.params.q ?? ""} aria-describedby="q-hint" />
        </div>
        {Object.entries(d.params)
          .filter(([k]) => k !== "q" && k !== "offset")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <button type="submit">{t("search.submit")}</button>
      </form>
      {d.invalid.length > 0 && (
        <div className="error-summary" role="alert">
          <p>{t("search.invalid", { fields: d.invalid.join(", ") })}</p>
        </div>
      )}
      <div className="search-layout">
        <aside aria-label={t("search.refine")}>
          {OFFER_FACETS.map((facet) =>
            d.facets[facet].length === 0 ? null : (
              <section key={facet} className="facet">
                <h2>{t(FACET_TITLE[facet])}</h2>
                <ul>
                  {d.params[facet] && (
                    <li>
                      <a href={link({ [facet]: null })}>{t("search.clear")}</a>
                    </li>
                  )}
                  {d.facets[facet].map((v) => {
                    const { text, lang } = label(facet, v.value, v.name);
                    return (
                      <li key={v.value}>
                        <a
                          href={link({ [facet]: v.value })}
                          aria-current={d.params[facet] === v.value ? "true" : undefined}
                          lang={lang}
                        >
                          {text}
                        </a>{" "}
                        <span className="count">{number.format(v.count)}</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ),
          )}
        </aside>
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading">{t("search.count", { count: d.total })}</h2>
          {d.total === 0 && <p>{t("offers.empty")}</p>}
          <ol className="result-list">
            {d.items.map((offer) => (
              <li key={offer.id}>
                <h3>
                  <a href={href(`/offers/${offer.id}`)} lang={offer.language}>
                    {offer.title}
                  </a>
                </h3>
                <OfferFacts offer={offer} stateName={(iso3) => d.stateNames[iso3] ?? iso3} />
              </li>
            ))}
          </ol>
          <Pagination
            page={d.page}
            pageCount={d.pageCount}
            hrefFor={(p) => link({ offset: p > 1 ? String((p - 1) * d.limit) : null })}
          />
        </section>
      </div>
    </>
  );
}
