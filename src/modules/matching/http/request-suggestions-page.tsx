import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { PROVIDER_TYPE_LABEL } from "../../../platform/ui/form-fields";
import { useT } from "../../../platform/ui/i18n";
import type { Route } from "./+types/request-suggestions-page";
import { SuggestionList } from "./suggestion-list";
import { offersSuggestedForRequest } from "./suggestion-lists";

// Signed in: the use case lets the requesting State and the secretariat read the list.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await offersSuggestedForRequest(
    { actor: context.actor, requestId: params.id, locale: context.locale },
    context.services,
  );
  if (!found) throw data(null, { status: 404 });
  return found;
}

export default function RequestSuggestionsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <SuggestionList
      side="request"
      subject={d.request}
      suggestions={d.suggestions.map((s) => ({
        ...s,
        by: `${s.provider.name}${s.provider.type ? ` (${t(PROVIDER_TYPE_LABEL[s.provider.type])})` : ""}`,
      }))}
      themes={d.themes}
    />
  );
}
