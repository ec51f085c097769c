import type { ReactNode } from "react";
import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { ProviderType, SupportKind } from "../../../platform/support-vocabulary";
import { ErrorSummary, FieldError, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import {
  Fact,
  PROVIDER_TYPE_LABEL,
  readForm,
  SUPPORT_KIND_LABEL,
  useLanguageName,
  useMoney,
} from "../../../platform/ui/form-fields";
import { useHref, useT } from "../../../platform/ui/i18n";
import { referenceNames } from "../../reference-data";
import { RESTRICTED_REQUEST_FIELDS, type RestrictedRequestField } from "../../requests";
import { actOnMatch } from "../use-cases/matches-act";
import { getConsentScreen } from "../use-cases/matches-read";
import type { Route } from "./+types/match-consent-page";
import { REFUSAL_MESSAGE, RESTRICTED_FIELD_LABEL } from "./match-parts";

// Signed in: getConsentScreen answers only the requesting State's focal points (404 for anyone else).
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const screen = await getConsentScreen({ actor: context.actor, id: params.id }, context.services);
  if (!screen) throw data(null, { status: 404 });
  const names = await referenceNames({ actor: context.actor, locale: context.locale }, context.services);
  const r = screen.request;
  return {
    match: { id: screen.match.id, number: screen.match.number, provider: screen.match.providerOrganisation.name },
    offer: screen.offer ? { id: screen.offer.id, title: screen.offer.title, language: screen.offer.language } : null,
    canConsent: screen.canConsent,
    request: {
      id: r.id,
      seq: r.seq,
      title: r.title,
      summary: r.summary,
      language: r.language,
      state: names.states[r.stateIso3] ?? r.stateIso3,
      themes: r.themes.map((code) => names.themes[code] ?? code),
      sdgTargets: r.sdgTargets,
      supportKinds: r.supportKinds as SupportKind[],
      providerTypes: r.providerTypes as ProviderType[],
      workingLanguages: r.workingLanguages,
      recommendations: r.recommendations,
      clusters: r.clusters,
    },
    restricted: screen.restricted,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { all } = await readForm(request);
  const result = await actOnMatch(
    {
      actor: context.actor,
      id: params.id,
      action: "consent",
      scope: all("scope"),
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems }, { status: 400 });
  if (result.outcome === "refused") {
    if (result.refusal === "not-for-this-party") throw data(null, { status: 403 });
    return data({ problems: { consent: { key: REFUSAL_MESSAGE[result.refusal]! } } }, { status: 409 });
  }
  throw redirect(`/${context.locale}/matches/${params.id}`, {
    headers: { "Set-Cookie": flashCookie("matches.flash.consented") },
  });
}

export default function MatchConsentPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const money = useMoney();
  const languageName = useLanguageName();
  const r = d.request;
  const problems: Partial<Record<string, { key: string; values?: Record<string, string | number> }>> =
    actionData?.problems ?? {};
  const title = t("matches.consent.title");
  const empty = <em>{t("matches.consent.empty")}</em>;
  const value: Record<RestrictedRequestField, ReactNode> = {
    budget: d.restricted.budget ? money(d.restricted.budget.amountMinor, d.restricted.budget.currency) : empty,
    schedule:
      d.restricted.schedule.desiredStart || d.restricted.schedule.durationMonths !== null ? (
        <>
          {d.restricted.schedule.desiredStart &&
            `${t("requests.field.desiredStart")}: ${d.restricted.schedule.desiredStart}`}
          {d.restricted.schedule.desiredStart && d.restricted.schedule.durationMonths !== null && " · "}
          {d.restricted.schedule.durationMonths !== null &&
            t("requests.months", { n: d.restricted.schedule.durationMonths })}
        </>
      ) : (
        empty
      ),
    counterparts:
      d.restricted.counterparts.length > 0 ? (
        <span lang={r.language}>{d.restricted.counterparts.join(" · ")}</span>
      ) : (
        empty
      ),
  };
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href(`/matches/${d.match.id}`)}>{t("matches.consent.backToMatch", { number: d.match.number })}</a>
      </p>
      <PageHeading title={title} lead={t("matches.consent.lead", { provider: d.match.provider })} />
      <ErrorSummary errors={problems} target={(field) => (field === "consent" ? "#consent-form" : `#${field}`)} />
      {!d.canConsent && <p className="notice">{t("matches.consent.notWaiting")}</p>}
      <section aria-labelledby="public-heading">
        <h2 id="public-heading">{t("matches.consent.public")}</h2>
        <p>
          <a href={href(`/requests/${r.id}`)} lang={r.language}>
            {t("matches.request.number", { number: r.seq })} {r.title}
          </a>
        </p>
        <dl className="facts">
          <Fact term={t("requests.fact.country")}>{r.state}</Fact>
          {r.summary && (
            <Fact term={t("requests.field.summary")} lang={r.language}>
              {r.summary}
            </Fact>
          )}
          {r.themes.length > 0 && (
            <Fact term={t("form.themes")} lang="en">
              {r.themes.join(" · ")}
            </Fact>
          )}
          {r.sdgTargets.length > 0 && <Fact term={t("form.sdgTargets")}>{r.sdgTargets.join(", ")}</Fact>}
          {r.supportKinds.length > 0 && (
            <Fact term={t("form.supportKinds")}>{r.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k])).join(" · ")}</Fact>
          )}
          {r.providerTypes.length > 0 && (
            <Fact term={t("requests.field.providerTypes")}>
              {r.providerTypes.map((p) => t(PROVIDER_TYPE_LABEL[p])).join(" · ")}
            </Fact>
          )}
          {r.workingLanguages.length > 0 && (
            <Fact term={t("form.workingLanguages")}>{r.workingLanguages.map(languageName).join(", ")}</Fact>
          )}
          {(r.recommendations.length > 0 || r.clusters.length > 0) && (
            <Fact term={t("requests.detail.serves")}>
              <ul>
                {r.recommendations.map((rec) => (
                  <li key={rec.key} lang={rec.language}>
                    {rec.text.length > 220 ? `${rec.text.slice(0, 217)}…` : rec.text}
                  </li>
                ))}
                {r.clusters.map((c) => (
                  <li key={c.id}>{c.name}</li>
                ))}
              </ul>
            </Fact>
          )}
        </dl>
      </section>
      {d.canConsent && (
        <form method="post" id="consent-form" className="stack">
          <CsrfField />
          <fieldset className="field" aria-describedby="scope-hint">
            <legend>
              <h2>{t("matches.consent.restricted")}</h2>
            </legend>
            <p className="hint" id="scope-hint">
              {t("matches.consent.restrictedHint")}
            </p>
            <FieldError id="scope" error={problems.scope} />
            {RESTRICTED_REQUEST_FIELDS.map((field, i) => (
              <div key={field}>
                <label htmlFor={i === 0 ? "scope" : `scope-${field}`}>
                  <input
                    type="checkbox"
                    id={i === 0 ? "scope" : `scope-${field}`}
                    name="scope"
                    value={field}
                    defaultChecked
                  />{" "}
                  <strong>{t(RESTRICTED_FIELD_LABEL[field])}</strong>: {value[field]}
                </label>
              </div>
            ))}
          </fieldset>
          <p>{t("matches.consent.revocable")}</p>
          <button type="submit">{t("matches.consent.submit")}</button>
        </form>
      )}
    </>
  );
}
