import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { PROVIDER_TYPE_LABEL } from "../../../platform/ui/form-fields";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { referenceNames } from "../../reference-data";
import { suggestedOffers } from "../use-cases/suggestions";
import type { Route } from "./+types/request-suggestions-page";
import { ReasonList } from "./reasons";

// Signed in: the use case lets the requesting State and the secretariat read the list.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await suggestedOffers({ actor: context.actor, requestId: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const names = await referenceNames({ actor: context.actor, locale: context.locale }, context.services);
  return {
    request: {
      id: found.request.id,
      seq: found.request.seq,
      title: found.request.title,
      language: found.request.language,
    },
    suggestions: found.suggestions.map((s) => ({
      id: s.offer.id,
      title: s.offer.title,
      language: s.offer.language,
      provider: s.offer.provider,
      capacityLeft: s.offer.capacityLeft,
      score: s.score,
      reasons: s.reasons,
    })),
    themes: names.themes,
  };
}

export default function RequestSuggestionsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  return (
    <>
      <title>{`${t("matching.suggestions.forRequest.title")} · item10`}</title>
      <PageHeading
        title={t("matching.suggestions.forRequest.title")}
        lead={t("matching.suggestions.forRequest.lead")}
      />
      <p>
        <a href={href(`/requests/${d.request.id}`)} lang={d.request.language}>
          {d.request.seq}. {d.request.title}
        </a>
      </p>
      {d.suggestions.length === 0 ? (
        <p>{t("matching.suggestions.none")}</p>
      ) : (
        <ol className="suggestions">
          {d.suggestions.map((s) => (
            <li key={s.id}>
              <h2>
                <a href={href(`/offers/${s.id}`)} lang={s.language}>
                  {s.title}
                </a>
              </h2>
              <p>
                {s.provider.name}
                {s.provider.type ? ` (${t(PROVIDER_TYPE_LABEL[s.provider.type])})` : ""} ·{" "}
                {t("matching.suggestions.score", { score: number.format(s.score) })}
              </p>
              <ReasonList reasons={s.reasons} themes={d.themes} />
              <p>
                <a href={href(`/matches/new?request=${d.request.id}&offer=${s.id}`)}>
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
