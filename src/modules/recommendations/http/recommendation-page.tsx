import { data } from "react-router";
import { citationsOf } from "../../../platform/citations";
import type { RouteHandle } from "../../../platform/http/guard";
import type { MessageKey } from "../../../platform/i18n/messages";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useT } from "../../../platform/ui/i18n";
import { listCountries, listMechanisms, listSdgGoals, listVocabularies } from "../../reference-data";
import { getRecommendation, type RecommendationSummary } from "../use-cases/get-recommendation";
import { visibleTrackingOfRecommendation } from "../use-cases/tracking";
import type { Route } from "./+types/recommendation-page";
import { KIND_LABEL, RESPONSE_LABEL } from "./labels";
import { RecommendationFacts } from "./recommendation-parts";
import { STATUS_LABEL } from "./tracking-parts";

export const handle = { access: "public" } satisfies RouteHandle;

const MECHANISM_LABEL: Record<string, MessageKey> = {
  upr: "recommendation.mechanism.upr",
  "treaty-body": "recommendation.mechanism.treaty-body",
  "special-procedure": "recommendation.mechanism.special-procedure",
};

export async function loader({ params, context }: Route.LoaderArgs) {
  const { actor, locale, services } = context;
  const found = await getRecommendation({ actor, key: params.key }, services);
  if (!found) throw data(null, { status: 404 });
  const { recommendation: rec, similar } = found;
  const [countries, vocabularies, goals, mechanisms, tracking, citations] = await Promise.all([
    listCountries({ actor, filter: {}, locale }, services),
    listVocabularies({ actor }, services),
    rec.sdgs.length > 0 ? listSdgGoals({ actor, withIndicators: false }, services) : [],
    rec.body ? listMechanisms({ actor }, services) : null,
    // Only the entries this reader's tier allows (platform/visibility.ts): most are private.
    visibleTrackingOfRecommendation({ actor, recommendationId: rec.id }, services),
    // Requests and updates that cite it, each source narrowing to what this reader may see.
    citationsOf(services.citationSources, { actor, recommendationId: rec.id }, services),
  ]);
  const stateName = Object.fromEntries(countries.map((c) => [c.iso3, c.names[locale]]));
  const name = (iso3: string) => stateName[iso3] ?? iso3;
  const themeLabel = Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label]));
  const personLabel = Object.fromEntries(vocabularies.affectedPersons.map((p) => [p.code, p.label]));
  const goalShort = Object.fromEntries(goals.map((g) => [String(g.code), g.short[locale]]));
  const body =
    rec.body && mechanisms
      ? (mechanisms.treatyBodies.find((b) => b.code === rec.body)?.names[locale] ??
        mechanisms.specialProcedures.find((p) => p.code === rec.body)?.title ??
        rec.body)
      : null;
  const summary = (s: RecommendationSummary) => ({
    key: s.key,
    kind: s.kind,
    text: s.text,
    language: s.language,
    state: name(s.stateUnderReview),
    by: s.recommendingStates.map(name),
    cycle: s.cycle,
    session: s.session,
    year: s.year,
    response: s.response,
  });
  return {
    citations,
    recommendation: {
      key: rec.key,
      kind: rec.kind,
      text: rec.text,
      language: rec.language,
      mechanism: rec.mechanism,
      body,
      cycle: rec.cycle,
      session: rec.session,
      year: rec.year,
      documentSymbol: rec.documentSymbol,
      paragraph: rec.paragraph,
      state: { iso3: rec.stateUnderReview, name: name(rec.stateUnderReview) },
      recommendingStates: rec.recommendingStates.map((iso3) => ({ iso3, name: name(iso3) })),
      response: rec.response,
      actionCategory: rec.actionCategory,
      themes: rec.themes.map((code) => ({ code, label: themeLabel[code] ?? code })),
      affectedPersons: rec.affectedPersons.map((code) => ({ code, label: personLabel[code] ?? code })),
      sdgs: rec.sdgs.map((code) => ({ code, goalShort: code.includes(".") ? null : (goalShort[code] ?? null) })),
    },
    similar: { sameState: similar.sameState.map(summary), otherStates: similar.otherStates.map(summary) },
    tracking: tracking.map((e) => ({
      id: e.id,
      status: e.status,
      institutions: e.institutions,
      updatedAt: e.updatedAt.toISOString(),
    })),
  };
}

type Data = Route.ComponentProps["loaderData"];

export default function RecommendationPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const rec = d.recommendation;
  const pledge = rec.kind === "voluntary-pledge";
  const title = pledge
    ? t("recommendation.pledgeTitle", { state: rec.state.name })
    : t("recommendation.title", { state: rec.state.name });
  const search = (param: string, value: string | number) =>
    href(`/recommendations?${new URLSearchParams({ [param]: String(value) })}`);
  const notRecorded = t("recommendation.notRecorded");
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href("/recommendations")}>{t("recommendation.back")}</a>
      </p>
      <PageHeading title={title} />
      <blockquote className="recommendation-text" lang={rec.language}>
        <p>{rec.text}</p>
      </blockquote>

      <h2>{t("recommendation.details")}</h2>
      <dl className="facts">
        <dt>{t("facet.kind")}</dt>
        <dd>{KIND_LABEL[rec.kind] ? t(KIND_LABEL[rec.kind]!) : rec.kind}</dd>
        <dt>{t("recommendation.mechanism")}</dt>
        <dd>{MECHANISM_LABEL[rec.mechanism] ? t(MECHANISM_LABEL[rec.mechanism]!) : rec.mechanism}</dd>
        {rec.body && (
          <>
            <dt>{t("recommendation.body")}</dt>
            <dd>{rec.body}</dd>
          </>
        )}
        <dt>{t("facet.cycle")}</dt>
        <dd>{rec.cycle === null ? notRecorded : t("search.cycleValue", { cycle: rec.cycle })}</dd>
        <dt>{t("recommendation.session")}</dt>
        <dd>{rec.session ?? notRecorded}</dd>
        <dt>{t("recommendation.year")}</dt>
        <dd>{rec.year ?? notRecorded}</dd>
        <dt>{t("recommendation.document")}</dt>
        <dd>
          {rec.documentSymbol
            ? rec.paragraph
              ? t("recommendation.documentValue", { symbol: rec.documentSymbol, paragraph: rec.paragraph })
              : rec.documentSymbol
            : notRecorded}
        </dd>
        <dt>{t("facet.state_under_review")}</dt>
        <dd>
          <a href={href(`/countries/${rec.state.iso3}/recommendations`)}>{rec.state.name}</a>
        </dd>
        {!pledge && (
          <>
            <dt>{t("recommendation.recommendingStates")}</dt>
            <dd>
              {rec.recommendingStates.length === 0 ? (
                notRecorded
              ) : (
                <Links
                  items={rec.recommendingStates.map((s) => ({
                    key: s.iso3,
                    label: s.name,
                    href: search("recommending_state", s.iso3),
                  }))}
                />
              )}
            </dd>
            <dt>{t("facet.response")}</dt>
            <dd>
              {rec.response && RESPONSE_LABEL[rec.response]
                ? t(RESPONSE_LABEL[rec.response]!)
                : t("recommendation.noResponse")}
            </dd>
          </>
        )}
        <dt>{t("recommendation.actionCategory")}</dt>
        <dd>
          {rec.actionCategory === null ? (
            notRecorded
          ) : (
            <>
              <a href={search("action_category", rec.actionCategory)}>
                {t("recommendation.actionCategoryValue", {
                  rank: rec.actionCategory,
                  label: t(`actionCategory.${rec.actionCategory}` as MessageKey),
                })}
              </a>
              <br />
              {t(`actionCategory.${rec.actionCategory}.meaning` as MessageKey)}
              <br />
              <small>{t("recommendation.actionCategoryHint")}</small>
            </>
          )}
        </dd>
        <dt>{t("recommendation.themes")}</dt>
        <dd>
          <Links
            items={rec.themes.map((th) => ({
              key: th.code,
              label: th.label,
              href: search("theme", th.code),
              lang: "en",
            }))}
          />
        </dd>
        <dt>{t("recommendation.affectedPersons")}</dt>
        <dd>
          <Links
            items={rec.affectedPersons.map((p) => ({
              key: p.code,
              label: p.label,
              href: search("affected_person", p.code),
              lang: "en",
            }))}
          />
        </dd>
        <dt>{t("sdgs.title")}</dt>
        <dd>
          <Links
            items={rec.sdgs.map((s) => ({
              key: s.code,
              label: s.goalShort
                ? t("recommendation.sdgGoal", { goal: s.code, title: s.goalShort })
                : t("recommendation.sdgTarget", { target: s.code }),
              href: search("sdg", s.code),
            }))}
          />
        </dd>
      </dl>

      <section aria-labelledby="similar-heading">
        <h2 id="similar-heading">{t("recommendation.similarHeading")}</h2>
        <p className="hint">{t("recommendation.similarLead")}</p>
        <h3>{t("recommendation.similarSame")}</h3>
        <SimilarList items={d.similar.sameState} />
        <h3>{t("recommendation.similarOther")}</h3>
        <SimilarList items={d.similar.otherStates} />
      </section>

      <section aria-labelledby="tracking-heading">
        <h2 id="tracking-heading">{t("recommendation.trackingHeading", { state: d.recommendation.state.name })}</h2>
        {d.tracking.length === 0 ? (
          <p>{t("recommendation.trackingNone")}</p>
        ) : (
          <ul>
            {d.tracking.map((e) => (
              <li key={e.id}>
                <a href={href(`/tracking/${encodeURIComponent(d.recommendation.key)}`)}>
                  {t(STATUS_LABEL[e.status] ?? "tracking.status.not-started")}
                </a>{" "}
                {t("recommendation.trackingUpdated", { date: new Date(e.updatedAt) })}
                {e.institutions.length > 0 && ` · ${e.institutions.join(", ")}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="citing-heading">
        <h2 id="citing-heading">{t("recommendation.citingHeading")}</h2>
        {d.citations.length === 0 ? (
          <p>{t("recommendation.citingNone")}</p>
        ) : (
          <ul>
            {d.citations.map((c) => (
              <li key={c.id}>
                {t(c.kind === "request" ? "recommendation.citedByRequest" : "recommendation.citedByUpdate")}{" "}
                <a href={href(c.link)} lang={c.language}>
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Links({ items }: { items: { key: string; label: string; href: string; lang?: string }[] }) {
  const t = useT();
  if (items.length === 0) return <>{t("recommendation.none")}</>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i.key}>
          <a href={i.href} lang={i.lang}>
            {i.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function SimilarList({ items }: { items: Data["similar"]["sameState"] }) {
  const t = useT();
  const href = useHref();
  if (items.length === 0) return <p>{t("recommendation.similarNone")}</p>;
  return (
    <ol className="result-list">
      {items.map((i) => (
        <li key={i.key}>
          <p>
            <a href={href(`/recommendations/${encodeURIComponent(i.key)}`)} lang={i.language}>
              {i.text}
            </a>
          </p>
          <RecommendationFacts item={i} />
        </li>
      ))}
    </ol>
  );
}
