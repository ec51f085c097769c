import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { referenceNames } from "../../reference-data";
import { suggestedRequests } from "../use-cases/suggestions";
import type { Route } from "./+types/offer-suggestions-page";
import { ReasonList } from "./reasons";

// Signed in: the use case lets the provider's own organisation and the secretariat read the list.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await suggestedRequests({ actor: context.actor, offerId: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const names = await referenceNames({ actor: context.actor, locale: context.locale }, context.services);
  return {
    offer: { id: found.offer.id, title: found.offer.title, language: found.offer.language },
    suggestions: found.suggestions.map((s) => ({
      id: s.request.id,
      seq: s.request.seq,
      title: s.request.title,
      language: s.request.language,
      state: names.states[s.request.stateIso3] ?? s.request.stateIso3,
      score: s.score,
      reasons: s.reasons,
    })),
    themes: names.themes,
  };
}

export default function OfferSuggestionsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  return (
    <>
      <title>{`${t("matching.suggestions.forOffer.title")} · item10`}</title>
      <PageHeading title={t("matching.suggestions.forOffer.title")} lead={t("matching.suggestions.forOffer.lead")} />
      <p>
        <a href={href(`/offers/${d.offer.id}`)} lang={d.offer.language}>
          {d.offer.title}
        </a>
      </p>
      {d.suggestions.length === 0 ? (
        <p>{t("matching.suggestions.none")}</p>
      ) : (
        <ol className="suggestions">
          {d.suggestions.map((s) => (
            <li key={s.id}>
              <h2>
                <a href={href(`/requests/${s.id}`)} lang={s.language}>
                  {s.seq}. {s.title}
                </a>
              </h2>
              <p>
                {s.state} · {t("matching.suggestions.score", { score: number.format(s.score) })}
              </p>
              <ReasonList reasons={s.reasons} themes={d.themes} />
              <p>
                <a href={href(`/matches/new?request=${s.id}&offer=${d.offer.id}`)}>
                  {t("matching.suggestions.propose")}
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={href("/secretariat/matching-weights")}>{t("matching.suggestions.howRanked")}</a>
      </p>
    </>
  );
}
