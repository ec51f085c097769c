import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { SupportKind } from "../../../platform/support-vocabulary";
import { ErrorSummary } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import {
  Fact,
  PROVIDER_TYPE_LABEL,
  SUPPORT_KIND_LABEL,
  useLanguageName,
  useMoney,
} from "../../../platform/ui/form-fields";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { listCountries, listVocabularies } from "../../reference-data";
import { changeOfferStatus } from "../use-cases/change-offer-status";
import { getOffer } from "../use-cases/get-offer";
import { OfferForbiddenError } from "../use-cases/publish-offer";
import type { Route } from "./+types/offer-page";
import { OFFER_STATUS_LABEL, OFFER_TIER_LABEL, STATUS_ACTION_LABEL, STATUS_FLASH } from "./labels";
import { useValidity } from "./offer-facts";
import { useEligibilityParts } from "./offer-parts";

// Public: a provider may publish its offer to everyone. Whoever may not see it gets 404.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const offer = await getOffer({ actor: context.actor, id: params.id }, context.services);
  if (!offer) throw data(null, { status: 404 });
  const [countries, vocabularies] = await Promise.all([
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listVocabularies({ actor: context.actor }, context.services),
  ]);
  const named = new Set(offer.eligibility.namedStates);
  return {
    offer,
    stateNames: Object.fromEntries(
      countries.filter((c) => named.has(c.iso3)).map((c) => [c.iso3, c.names[context.locale]]),
    ),
    themes: offer.themes.map((code) => vocabularies.themes.find((t) => t.code === code)?.label ?? code),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await changeOfferStatus(
    {
      actor: context.actor,
      offerId: params.id,
      status: String(form.get("status") ?? ""),
      request: requestFacts(context),
    },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof OfferForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems }, { status: 400 });
  throw redirect(`/${context.locale}/offers/${params.id}`, {
    headers: { "Set-Cookie": flashCookie(STATUS_FLASH[result.status]) },
  });
}

export default function OfferPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const money = useMoney();
  const validity = useValidity();
  const eligibility = useEligibilityParts();
  const languageName = useLanguageName();
  const o = d.offer;
  return (
    <>
      <title>{`${o.title} · item10`}</title>
      <p>
        <a href={href("/offers")}>{t("offers.back")}</a>
      </p>
      <header className="page-heading">
        <h1 lang={o.language}>{o.title}</h1>
        <p className="lead">
          {t("offers.by", { provider: o.provider.name })}
          {o.provider.type && ` · ${t(PROVIDER_TYPE_LABEL[o.provider.type])}`}
        </p>
      </header>
      {o.status !== "open" && (
        <p className="notice" role="status">
          {t(o.status === "paused" ? "offers.notice.paused" : "offers.notice.closed")}
        </p>
      )}
      {o.description && (
        <div lang={o.language}>
          {o.description.split(/\n{2,}/).map((paragraph, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one saved text never move
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      )}
      <dl className="facts">
        <Fact term={t("offers.fact.status")}>{t(OFFER_STATUS_LABEL[o.status])}</Fact>
        {o.supportKinds.length > 0 && (
          <Fact term={t("form.supportKinds")}>
            {o.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k as SupportKind])).join(", ")}
          </Fact>
        )}
        {d.themes.length > 0 && (
          <Fact term={t("form.themes")} lang="en">
            {d.themes.join(", ")}
          </Fact>
        )}
        {o.sdgTargets.length > 0 && (
          <Fact term={t("form.sdgTargets")}>
            {o.sdgTargets.map((target, i) => (
              <span key={target}>
                {i > 0 && ", "}
                <a href={href(`/sdgs/${target.split(".")[0]}`)}>{target}</a>
              </span>
            ))}
          </Fact>
        )}
        {o.workingLanguages.length > 0 && (
          <Fact term={t("form.workingLanguages")}>{o.workingLanguages.map(languageName).join(", ")}</Fact>
        )}
        <Fact term={t("offers.fact.eligibility")}>
          {eligibility(o.eligibility, (iso3) => d.stateNames[iso3] ?? iso3).join(" · ")}
          <br />
          <span className="hint">{t("offers.eligibility.rule")}</span>
        </Fact>
        <Fact term={t("offers.fact.capacity")}>
          {t("offers.capacityLeft", { left: o.capacityLeft, capacity: o.capacity })}
        </Fact>
        {o.contribution && (
          <Fact term={t("offers.fact.contribution")}>{money(o.contribution.amountMinor, o.contribution.currency)}</Fact>
        )}
        <Fact term={t("offers.fact.validity")}>{validity(o)}</Fact>
        <Fact term={t("offers.fact.visibility")}>{t(OFFER_TIER_LABEL[o.visibility])}</Fact>
        <Fact term={t("offers.fact.published")}>
          <time dateTime={o.createdAt}>{date(o.createdAt)}</time>
        </Fact>
        {o.updatedAt !== o.createdAt && (
          <Fact term={t("offers.fact.updated")}>
            <time dateTime={o.updatedAt}>{date(o.updatedAt)}</time>
          </Fact>
        )}
      </dl>

      {o.canEdit && (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("offers.manage")}</h2>
          <ErrorSummary errors={actionData?.problems ?? {}} />
          <ul className="actions">
            <li>
              <a href={href(`/offers/${o.id}/edit`)}>{t("offers.edit")}</a>
            </li>
            <li>
              <a href={href(`/offers/${o.id}/suggestions`)}>{t("matching.suggestions.link")}</a>
            </li>
            {o.nextStatuses.map((status) => (
              <li key={status}>
                <form method="post" className="inline">
                  <CsrfField />
                  <input type="hidden" name="status" value={status} />
                  <button type="submit" className={status === "closed" ? "danger" : "secondary"}>
                    {t(STATUS_ACTION_LABEL[status])}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          {o.status === "open" && <p className="hint">{t("offers.manage.stopHint")}</p>}
        </section>
      )}
    </>
  );
}
