import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { MessageKey } from "../../../platform/i18n/messages";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { referenceNames } from "../../reference-data";
import { type MatchParty, MESSAGE_MAX } from "../domain/workflow";
import { proposeMatch } from "../use-cases/matches-propose";
import { previewProposal } from "../use-cases/matches-read";
import type { Route } from "./+types/new-match-page";
import {
  OfferSummaryFacts,
  offerSummaryOf,
  REFUSAL_MESSAGE,
  RequestSummaryFacts,
  requestSummaryOf,
} from "./match-parts";
import { ReasonList } from "./reasons";

// Signed in: the use case judges who may propose (the provider, the requesting State, the
// secretariat) and answers 404 for a request or an offer the reader may not see.
export const handle = { access: "signed-in" } satisfies RouteHandle;

function pairOf(request: Request) {
  const url = new URL(request.url);
  return { requestId: url.searchParams.get("request") ?? "", offerId: url.searchParams.get("offer") ?? "" };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const preview = await previewProposal({ actor: context.actor, ...pairOf(request) }, context.services);
  if (!preview) throw data(null, { status: 404 });
  const names = await referenceNames({ actor: context.actor, locale: context.locale }, context.services);
  const e = preview.explanation;
  return {
    request: requestSummaryOf(preview.request, names),
    offer: offerSummaryOf(preview.offer),
    party: preview.party,
    refusal: preview.refusal,
    liveMatchId: preview.liveMatchId,
    score: e.eligible ? e.score : null,
    reasons: e.eligible ? e.reasons : [],
    themes: names.themes,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await proposeMatch(
    {
      actor: context.actor,
      ...pairOf(request),
      message: String(form.get("message") ?? ""),
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems }, { status: 400 });
  if (result.outcome === "refused") {
    if (result.refusal === "not-a-party") throw data(null, { status: 403 });
    return data({ problems: { message: { key: REFUSAL_MESSAGE[result.refusal]! } } }, { status: 409 });
  }
  throw redirect(`/${context.locale}/matches/${result.id}`, {
    headers: { "Set-Cookie": flashCookie("matches.flash.proposed") },
  });
}

const NEXT: Record<Exclude<MatchParty, "other">, MessageKey> = {
  provider: "matches.new.asProvider",
  state: "matches.new.asState",
  secretariat: "matches.new.asSecretariat",
};

export default function NewMatchPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  const problems: Partial<Record<string, { key: string; values?: Record<string, string | number> }>> =
    actionData?.problems ?? {};
  const title = t("matches.new.title");
  const canPropose = d.refusal === null && d.liveMatchId === null;
  return (
    <>
      <title>{`${title} · item10`}</title>
      <PageHeading title={title} lead={t("matches.new.lead")} />
      <ErrorSummary errors={problems} />
      <section aria-labelledby="request-heading">
        <h2 id="request-heading">{t("matches.fact.request")}</h2>
        <RequestSummaryFacts request={d.request} />
      </section>
      <section aria-labelledby="offer-heading">
        <h2 id="offer-heading">{t("matches.fact.offer")}</h2>
        <OfferSummaryFacts offer={d.offer} />
      </section>
      {d.score !== null && (
        <section aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">{t("matches.detail.reasons")}</h2>
          <p>{t("matches.detail.score", { score: number.format(d.score) })}</p>
          <ReasonList reasons={d.reasons} themes={d.themes} />
        </section>
      )}
      {d.liveMatchId !== null && (
        <p className="notice">
          {t("matches.error.alreadyProposed")}{" "}
          <a href={href(`/matches/${d.liveMatchId}`)}>{t("matches.new.seeExisting")}</a>
        </p>
      )}
      {d.refusal !== null && <p className="notice">{t(REFUSAL_MESSAGE[d.refusal]!)}</p>}
      {canPropose && d.party !== "other" && (
        <form method="post" className="stack">
          <CsrfField />
          <p>{t(NEXT[d.party])}</p>
          <Field
            id="message"
            label={t("matches.new.message")}
            hint={t("matches.new.messageHint")}
            error={problems.message}
          >
            <textarea rows={4} maxLength={MESSAGE_MAX} {...invalidProps("message", problems.message, true)} />
          </Field>
          <button type="submit">{t("matches.new.submit")}</button>
        </form>
      )}
    </>
  );
}
