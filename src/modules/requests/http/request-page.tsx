import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { MessageKey } from "../../../platform/i18n/messages";
import type { ProviderType, SupportKind } from "../../../platform/support-vocabulary";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import {
  Fact,
  PROVIDER_TYPE_LABEL,
  SUPPORT_KIND_LABEL,
  TIER_LABEL,
  useLanguageName,
  useMoney,
} from "../../../platform/ui/form-fields";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { STEP_ACTIONS_HEADING_ID, StepActions } from "../../../platform/ui/step-actions";
import { getCountry, listVocabularies } from "../../reference-data";
import { isDirectAction, type RequestAction } from "../domain/workflow";
import { getRequest } from "../use-cases/get-request";
import { actOnRequest } from "../use-cases/transition";
import type { Route } from "./+types/request-page";
import { STATE_LABEL } from "./request-parts";

// Public: the visibility rule inside getRequest decides; a request the reader may not see is a 404.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await getRequest({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const [country, vocabularies] = await Promise.all([
    getCountry({ actor: context.actor, iso3: found.request.stateIso3 }, context.services),
    listVocabularies({ actor: context.actor }, context.services),
  ]);
  const themeName = Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label]));
  const r = found.request;
  return {
    request: {
      id: r.id,
      seq: r.seq,
      title: r.title,
      summary: r.summary,
      language: r.language,
      state: r.state,
      shownAs: r.shownAs,
      country: country?.names[context.locale] ?? r.stateIso3,
      themes: r.themes.map((code) => themeName[code] ?? code),
      sdgTargets: r.sdgTargets,
      supportKinds: r.supportKinds as SupportKind[],
      providerTypes: r.providerTypes as ProviderType[],
      workingLanguages: r.workingLanguages,
      desiredStart: r.desiredStart,
      durationMonths: r.durationMonths,
      budgetMinor: r.budgetMinor,
      budgetCurrency: r.budgetCurrency,
      counterparts: r.counterparts,
      waitingDays: r.waitingDays,
    },
    withheld: found.withheld,
    recommendations: found.recommendations.map((rec) => ({ key: rec.key, text: rec.text, language: rec.language })),
    clusters: found.clusters,
    events: found.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    screenings: found.screenings.map((s) => ({ ...s, recordedAt: s.recordedAt.toISOString() })),
    isOwner: found.party === "owner",
    canEdit: found.canEdit,
    hasSuggestions: found.hasSuggestions,
    actions: found.actions,
    canScreen: found.canDecide || found.canScreenView,
  };
}

const ACTION_LABEL: Record<RequestAction, MessageKey> = {
  submit: "requests.action.submit",
  "start-screening": "requests.action.start-screening",
  open: "requests.action.open",
  return: "requests.action.return",
  match: "requests.action.match",
  reopen: "requests.action.reopen",
  "start-implementation": "requests.action.start-implementation",
  complete: "requests.action.complete",
  "report-back": "requests.action.report-back",
  withdraw: "requests.action.withdraw",
};

/** A step the history names by what happened rather than by the state it led to. */
const EVENT_LABEL: Partial<Record<string, MessageKey>> = { reopen: "requests.detail.reopened" };

const FLASH: Partial<Record<RequestAction, MessageKey>> = {
  submit: "requests.flash.submitted",
  withdraw: "requests.flash.withdrawn",
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (!isDirectAction(intent)) throw data(null, { status: 400 });
  const reason = String(form.get("reason") ?? "");
  const result = await actOnRequest(
    {
      actor: context.actor,
      id: params.id,
      action: intent,
      reason,
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, intent }, { status: 400 });
  if (result.outcome === "refused") {
    if (result.refusal === "not-for-this-party") throw data(null, { status: 403 });
    if (result.refusal === "reason-required")
      return data({ problems: { reason: { key: "requests.error.reasonRequired" } }, intent }, { status: 400 });
    return data({ problems: { intent: { key: "requests.error.notFromThisState" } }, intent }, { status: 409 });
  }
  throw redirect(`/${context.locale}/requests/${params.id}`, {
    headers: { "Set-Cookie": flashCookie(FLASH[intent] ?? "requests.flash.moved") },
  });
}

export default function RequestPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const money = useMoney();
  const languageName = useLanguageName();
  const r = d.request;
  const problems: Partial<Record<string, { key: string; values?: Record<string, string | number> }>> =
    actionData?.problems ?? {};
  const title = t("requests.detail.title", { number: r.seq, title: r.title });
  const withheld = new Set(d.withheld);
  // A withheld field is named, whether or not the State filled it in, so its absence tells nothing.
  const consent = <em>{t("requests.fact.withheld")}</em>;
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href("/requests")}>{t("requests.back")}</a>
      </p>
      <PageHeading title={t("requests.detail.heading", { number: r.seq })} />
      <h2 lang={r.language} className="lead">
        {r.title}
      </h2>
      <ErrorSummary
        errors={problems}
        // What a submission lacks is fixed on the edit page; a missing reason is on this one.
        target={(field) =>
          field === "reason"
            ? "#reason"
            : field === "intent"
              ? `#${STEP_ACTIONS_HEADING_ID}`
              : href(`/requests/${r.id}/edit#${field}`)
        }
      />
      <dl className="facts">
        <Fact term={t("requests.fact.country")}>{r.country}</Fact>
        <Fact term={t("requests.fact.state")}>
          {t(STATE_LABEL[r.state])}
          {r.waitingDays !== null && ` · ${t("requests.waiting", { days: r.waitingDays })}`}
        </Fact>
        {d.isOwner && <Fact term={t("requests.fact.shownAs")}>{t(TIER_LABEL[r.shownAs])}</Fact>}
      </dl>
      {r.summary && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t("requests.field.summary")}</h2>
          <p lang={r.language} className="prose">
            {r.summary}
          </p>
        </section>
      )}
      <section aria-labelledby="asked-heading">
        <h2 id="asked-heading">{t("requests.detail.asked")}</h2>
        <dl className="facts">
          {r.supportKinds.length > 0 && (
            <Fact term={t("form.supportKinds")}>{r.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k])).join(" · ")}</Fact>
          )}
          {r.themes.length > 0 && (
            <Fact term={t("form.themes")} lang="en">
              {r.themes.join(" · ")}
            </Fact>
          )}
          {r.sdgTargets.length > 0 && <Fact term={t("form.sdgTargets")}>{r.sdgTargets.join(", ")}</Fact>}
          {r.providerTypes.length > 0 && (
            <Fact term={t("requests.field.providerTypes")}>
              {r.providerTypes.map((p) => t(PROVIDER_TYPE_LABEL[p])).join(" · ")}
            </Fact>
          )}
          {r.workingLanguages.length > 0 && (
            <Fact term={t("form.workingLanguages")}>{r.workingLanguages.map(languageName).join(", ")}</Fact>
          )}
          {withheld.has("schedule") ? (
            <>
              <Fact term={t("requests.field.desiredStart")}>{consent}</Fact>
              <Fact term={t("requests.field.durationMonths")}>{consent}</Fact>
            </>
          ) : (
            <>
              {r.desiredStart && <Fact term={t("requests.field.desiredStart")}>{r.desiredStart}</Fact>}
              {r.durationMonths !== null && (
                <Fact term={t("requests.field.durationMonths")}>{t("requests.months", { n: r.durationMonths })}</Fact>
              )}
            </>
          )}
          {withheld.has("budget") ? (
            <Fact term={t("requests.fact.budget")}>{consent}</Fact>
          ) : (
            r.budgetMinor !== null &&
            r.budgetCurrency && <Fact term={t("requests.fact.budget")}>{money(r.budgetMinor, r.budgetCurrency)}</Fact>
          )}
          {withheld.has("counterparts") ? (
            <Fact term={t("requests.field.counterparts")}>{consent}</Fact>
          ) : (
            r.counterparts.length > 0 && (
              <Fact term={t("requests.field.counterparts")} lang={r.language}>
                {r.counterparts.join(" · ")}
              </Fact>
            )
          )}
        </dl>
      </section>
      <section aria-labelledby="serves-heading">
        <h2 id="serves-heading">{t("requests.detail.serves")}</h2>
        {d.recommendations.length === 0 && d.clusters.length === 0 && <p>{t("requests.detail.servesNone")}</p>}
        <ul>
          {d.recommendations.map((rec) => (
            <li key={rec.key}>
              <a href={href(`/recommendations/${encodeURIComponent(rec.key)}`)} lang={rec.language}>
                {rec.text.length > 220 ? `${rec.text.slice(0, 217)}…` : rec.text}
              </a>
            </li>
          ))}
          {d.clusters.map((c) => (
            <li key={c.id}>
              {t("requests.detail.cluster")} <a href={href(`/tracking/clusters/${c.id}`)}>{c.name}</a>
            </li>
          ))}
        </ul>
      </section>
      {d.hasSuggestions && (
        <p>
          <a href={href(`/requests/${r.id}/suggestions`)}>{t("matching.suggestions.link")}</a>
        </p>
      )}
      {(d.canEdit || d.actions.length > 0 || d.canScreen) && (
        <StepActions
          heading={t("requests.detail.act")}
          actions={d.actions}
          label={(a) => t(ACTION_LABEL[a])}
          reasons={{ withdraw: { label: t("requests.withdraw.reason"), hint: t("requests.withdraw.hint") } }}
          reasonError={problems.reason}
        >
          {d.canEdit && (
            <a className="button" href={href(`/requests/${r.id}/edit`)}>
              {t("requests.edit")}
            </a>
          )}
          {d.canScreen && (
            <a className="button" href={href(`/requests/${r.id}/screening`)}>
              {t("requests.screen")}
            </a>
          )}
        </StepActions>
      )}
      {d.screenings.length > 0 && (
        <section aria-labelledby="screening-heading">
          <h2 id="screening-heading">{t("requests.detail.screening")}</h2>
          <ul>
            {d.screenings.map((s) => (
              <li key={s.recordedAt}>
                {t(s.kind === "decision" ? "requests.screening.decision" : "requests.screening.view", {
                  outcome: t(s.outcome === "open" ? "screening.outcome.open" : "screening.outcome.return"),
                  version: s.criteriaVersion,
                  date: date(s.recordedAt),
                })}
                {s.comment && <p className="prose">{s.comment}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("requests.detail.history")}</h2>
        <ol>
          {d.events.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              <time dateTime={e.at}>{date(e.at)}</time>: {t(EVENT_LABEL[e.action] ?? STATE_LABEL[e.toState])}
              {e.reason && <p className="prose">{e.reason}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
