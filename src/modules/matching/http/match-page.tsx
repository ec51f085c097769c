import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { MessageKey } from "../../../platform/i18n/messages";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { Fact } from "../../../platform/ui/form-fields";
import { useDate, useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { STEP_ACTIONS_HEADING_ID, StepActions } from "../../../platform/ui/step-actions";
import { referenceNames } from "../../reference-data";
import { CONSENTED_MATCH_STATES, isMatchAction, isPlatformReason, type MatchAction } from "../domain/workflow";
import { actOnMatch } from "../use-cases/matches-act";
import { getMatch } from "../use-cases/matches-read";
import type { Route } from "./+types/match-page";
import {
  MATCH_ACTION_LABEL,
  MATCH_EVENT_LABEL,
  MATCH_STATE_LABEL,
  OfferSummaryFacts,
  offerSummaryOf,
  PLATFORM_REASON_LABEL,
  PROPOSER_LABEL,
  REFUSAL_MESSAGE,
  RequestSummaryFacts,
  requestSummaryOf,
  useScopeText,
} from "./match-parts";
import { ReasonList } from "./reasons";

// Signed in: getMatch lets only the two organisations, the secretariat and the committee read it (404 otherwise).
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await getMatch({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const names = await referenceNames({ actor: context.actor, locale: context.locale }, context.services);
  return {
    match: found.match,
    request: found.request ? requestSummaryOf(found.request, names) : null,
    offer: found.offer ? offerSummaryOf(found.offer) : null,
    events: found.events,
    party: found.party,
    actions: found.actions,
    themes: names.themes,
  };
}

const FLASH: Partial<Record<MatchAction, MessageKey>> = {
  decline: "matches.flash.declined",
  revoke: "matches.flash.revoked",
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  // Consent is given on its own screen, which shows what it shares.
  if (!isMatchAction(intent) || intent === "consent") throw data(null, { status: 400 });
  const result = await actOnMatch(
    {
      actor: context.actor,
      id: params.id,
      action: intent,
      reason: String(form.get("reason") ?? ""),
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, intent }, { status: 400 });
  if (result.outcome === "refused") {
    if (result.refusal === "not-for-this-party") throw data(null, { status: 403 });
    if (result.refusal === "reason-required")
      return data({ problems: { reason: { key: "matches.error.reasonRequired" } }, intent }, { status: 400 });
    return data({ problems: { intent: { key: REFUSAL_MESSAGE[result.refusal]! } }, intent }, { status: 409 });
  }
  throw redirect(`/${context.locale}/matches/${params.id}`, {
    headers: { "Set-Cookie": flashCookie(FLASH[intent] ?? "matches.flash.moved") },
  });
}

export default function MatchPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const scopeText = useScopeText();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  const m = d.match;
  const problems: Partial<Record<string, { key: string; values?: Record<string, string | number> }>> =
    actionData?.problems ?? {};
  const title = t("matches.detail.title", { number: m.number });
  const consented = (CONSENTED_MATCH_STATES as readonly string[]).includes(m.state);
  const shared = consented
    ? scopeText(m.scope)
    : m.consentedAt
      ? t("matches.shared.ended")
      : t("matches.shared.notYet");
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href("/matches")}>{t("matches.back")}</a>
      </p>
      <PageHeading title={title} />
      <ErrorSummary
        errors={problems}
        target={(field) => (field === "intent" ? `#${STEP_ACTIONS_HEADING_ID}` : `#${field}`)}
      />
      <dl className="facts">
        <Fact term={t("matches.fact.status")}>{t(MATCH_STATE_LABEL[m.state])}</Fact>
        <Fact term={t("matches.fact.state")}>{m.stateOrganisation.name}</Fact>
        <Fact term={t("matches.fact.provider")}>{m.providerOrganisation.name}</Fact>
        <Fact term={t("matches.fact.proposedBy")}>{t(PROPOSER_LABEL[m.proposedBy])}</Fact>
        <Fact term={t("matches.fact.shared")}>{shared}</Fact>
      </dl>
      {d.actions.length > 0 && (
        <StepActions
          heading={t("matches.detail.act")}
          // Consent is given on its own screen, which shows what it shares.
          actions={d.actions.filter((a) => a !== "consent")}
          label={(a) => t(MATCH_ACTION_LABEL[a])}
          reasons={{
            decline: { label: t("matches.decline.reason"), hint: t("matches.decline.hint") },
            revoke: { label: t("matches.revoke.reason"), hint: t("matches.revoke.hint") },
          }}
          reasonError={problems.reason}
          reasonMaxLength={2000}
        >
          {d.actions.includes("consent") && (
            <a className="button" href={href(`/matches/${m.id}/consent`)}>
              {t("matches.detail.consentLink")}
            </a>
          )}
        </StepActions>
      )}
      <section aria-labelledby="request-heading">
        <h2 id="request-heading">{t("matches.fact.request")}</h2>
        {d.request ? <RequestSummaryFacts request={d.request} /> : <p>{t("matches.hidden.request")}</p>}
      </section>
      <section aria-labelledby="offer-heading">
        <h2 id="offer-heading">{t("matches.fact.offer")}</h2>
        {d.offer ? <OfferSummaryFacts offer={d.offer} /> : <p>{t("matches.hidden.offer")}</p>}
      </section>
      {m.message && (
        <section aria-labelledby="message-heading">
          <h2 id="message-heading">{t("matches.detail.message")}</h2>
          <p className="prose">{m.message}</p>
        </section>
      )}
      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">{t("matches.detail.reasons")}</h2>
        {m.score !== null && <p>{t("matches.detail.score", { score: number.format(m.score) })}</p>}
        {m.reasons.length > 0 ? (
          <ReasonList reasons={m.reasons} themes={d.themes} />
        ) : (
          <p>{t("matches.detail.reasonsNone")}</p>
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("matches.detail.history")}</h2>
        <ol>
          {d.events.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              <time dateTime={e.at}>{date(e.at)}</time>: {t(MATCH_EVENT_LABEL[e.action])}
              {e.scope && ` (${t("matches.event.scope", { fields: scopeText(e.scope) })})`}
              {e.reason && (
                <p className="prose">{isPlatformReason(e.reason) ? t(PLATFORM_REASON_LABEL[e.reason]) : e.reason}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
