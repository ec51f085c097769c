import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import type { Route } from "./+types/offer-suggestions-page";
import { SuggestionList } from "./suggestion-list";
import { requestsSuggestedForOffer } from "./suggestion-lists";

// Signed in: the use case lets the provider's own organisation and the secretariat read the list.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await requestsSuggestedForOffer(
    { actor: context.actor, offerId: params.id, locale: context.locale },
    context.services,
  );
  if (!found) throw data(null, { status: 404 });
  return found;
}

export default function OfferSuggestionsPage({ loaderData: d }: Route.ComponentProps) {
  return (
    <SuggestionList
      side="offer"
      subject={d.offer}
      suggestions={d.suggestions.map((s) => ({ ...s, by: s.state.name }))}
      themes={d.themes}
    />
  );
}
