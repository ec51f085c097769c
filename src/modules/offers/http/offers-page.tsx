import type { RouteHandle } from "../../../platform/http/guard";
import type { ProviderType, SupportKind } from "../../../platform/support-vocabulary";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { FacetSidebar, listLink } from "../../../platform/ui/facets";
import { PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL, useLanguageName } from "../../../platform/ui/form-fields";
import { useHref, useT } from "../../../platform/ui/i18n";
import { InvalidParameters, ListSearchForm, offsetHref, offsetPages } from "../../../platform/ui/list-page";
import {
  DEVELOPMENT_STATUS_LABEL,
  type DevelopmentStatus,
  GROUP_LABEL,
  type RegionalGroup,
  referenceNames,
} from "../../reference-data";
import type { OfferStatus } from "../domain/offer";
import { OFFERS_POLICIES } from "../domain/policy";
import { type AgeBucket, NO_LIMIT, OFFER_FACETS, type OfferFacet, parseOfferQuery } from "../domain/query";
import { searchOffers } from "../use-cases/search-offers";
import type { Route } from "./+types/offers-page";
import { AGE_LABEL, FACET_TITLE, OFFER_STATUS_LABEL } from "./labels";
import { OfferFacts } from "./offer-facts";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { query, invalid } = parseOfferQuery(params);
  const [result, names] = await Promise.all([
    searchOffers({ actor: context.actor, query }, context.services),
    referenceNames({ actor: context.actor, locale: context.locale }, context.services),
  ]);
  const named = new Set(result.items.flatMap((i) => i.eligibility.namedStates));
  return {
    params: Object.fromEntries(params),
    invalid,
    canPublish: OFFERS_POLICIES["offers.publish"](context.actor),
    total: result.total,
    ...offsetPages(query, result.total),
    items: result.items,
    stateNames: Object.fromEntries(Object.entries(names.states).filter(([iso3]) => named.has(iso3))),
    facets: Object.fromEntries(
      OFFER_FACETS.map((facet) => [
        facet,
        result.facets[facet].slice(0, 12).map((f) => ({
          ...f,
          name: facet === "theme" ? names.themes[f.value] : facet === "sdg" ? names.goals[f.value] : undefined,
        })),
      ]),
    ) as Record<OfferFacet, { value: string; count: number; name?: string }[]>,
  };
}

export default function OffersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const languageName = useLanguageName();
  const link = listLink(href, "/offers", d.params);
  const label = (facet: OfferFacet, value: string, name: string | undefined): { label: string; lang?: string } => {
    switch (facet) {
      case "theme":
        return { label: name ?? value, lang: name ? "en" : undefined };
      case "sdg":
        return { label: t("search.sdgValue", { goal: value, title: name ?? "" }) };
      case "kind":
        return { label: t(SUPPORT_KIND_LABEL[value as SupportKind]) };
      case "group":
        return {
          label: value === NO_LIMIT ? t("offers.eligibility.anyGroup") : t(GROUP_LABEL[value as RegionalGroup]),
        };
      case "status":
        return {
          label:
            value === NO_LIMIT
              ? t("offers.eligibility.anyStatus")
              : t(DEVELOPMENT_STATUS_LABEL[value as DevelopmentStatus]),
        };
      case "providerType":
        return { label: t(PROVIDER_TYPE_LABEL[value as ProviderType]) };
      case "language":
        return { label: languageName(value) };
      case "offerStatus":
        return { label: t(OFFER_STATUS_LABEL[value as OfferStatus]) };
      case "age":
        return { label: t(AGE_LABEL[value as AgeBucket]) };
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
      <ListSearchForm path="/offers" params={d.params} label={t("offers.search.q")} hint={t("offers.search.help")} />
      <InvalidParameters fields={d.invalid} />
      <div className="search-layout">
        <FacetSidebar
          groups={OFFER_FACETS.map((facet) => ({
            name: facet,
            title: t(FACET_TITLE[facet]),
            values: d.facets[facet].map((v) => ({ value: v.value, count: v.count, ...label(facet, v.value, v.name) })),
          }))}
          selected={d.params}
          link={link}
        />
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
          <Pagination page={d.page} pageCount={d.pageCount} hrefFor={offsetHref(link, d.limit)} />
        </section>
      </div>
    </>
  );
}
