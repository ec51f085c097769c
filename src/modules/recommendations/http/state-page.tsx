import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import type { MessageKey } from "../../../platform/i18n/messages";
import { type Bar, BarChart } from "../../../platform/ui/charts";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { GROUP_LABEL, listVocabularies } from "../../reference-data";
import { stateProfile } from "../use-cases/state-profile";
import type { Route } from "./+types/state-page";
import { RESPONSE_LABEL } from "./labels";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { actor, locale, services } = context;
  const profile = await stateProfile({ actor, iso3: params.iso3 }, services);
  if (!profile) throw data(null, { status: 404 });
  const vocabularies = await listVocabularies({ actor }, services);
  const themeLabel = Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label]));
  const { country } = profile;
  return {
    state: { iso3: country.iso3, name: country.names[locale] },
    totals: profile.totals,
    byCycle: profile.byCycle,
    byResponse: profile.byResponse,
    byTheme: profile.byTheme.map((c) => ({ ...c, label: themeLabel[c.value] ?? c.value })),
    byRecommendingGroup: profile.byRecommendingGroup,
  };
}

export default function StatePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(LANGUAGE_TAG[useLocale()]);
  const title = t("stateProfile.title", { state: d.state.name });
  // Every bar's row opens the search on the same recommendations it counts.
  const search = (filter: Record<string, string> = {}) =>
    href(
      `/recommendations?${new URLSearchParams({ state_under_review: d.state.iso3, kind: "recommendation", ...filter })}`,
    );
  const cycles: Bar[] = d.byCycle.map((c) => ({
    key: String(c.value),
    label: t("search.cycleValue", { cycle: c.value }),
    value: c.count,
    href: search({ cycle: String(c.value) }),
  }));
  const responses: Bar[] = d.byResponse.map((c) => ({
    key: c.value,
    label: RESPONSE_LABEL[c.value] ? t(RESPONSE_LABEL[c.value]!) : c.value,
    value: c.count,
    href: search({ response: c.value }),
  }));
  const themes: Bar[] = d.byTheme.map((c) => ({
    key: c.value,
    label: c.label,
    value: c.count,
    href: search({ theme: c.value }),
    lang: "en",
  }));
  const groups: Bar[] = d.byRecommendingGroup.map((c) => ({
    key: c.value,
    label: c.value in GROUP_LABEL ? t(GROUP_LABEL[c.value as keyof typeof GROUP_LABEL] as MessageKey) : c.value,
    value: c.count,
    href: search({ recommending_group: c.value }),
  }));
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href(`/countries/${d.state.iso3}`)}>{d.state.name}</a>
      </p>
      <PageHeading title={title} lead={t("stateProfile.lead")} />
      <h2>{t("stateProfile.totals")}</h2>
      <ul className="figures">
        <li>
          <strong>{number.format(d.totals.recommendations)}</strong>
          {d.totals.recommendations > 0 ? (
            <a href={search()}>{t("stateProfile.recommendations")}</a>
          ) : (
            t("stateProfile.recommendations")
          )}
        </li>
        {d.byResponse.map((c) => (
          <li key={c.value}>
            <strong>{number.format(c.count)}</strong>
            <a href={search({ response: c.value })}>
              {RESPONSE_LABEL[c.value] ? t(RESPONSE_LABEL[c.value]!) : c.value}
            </a>
          </li>
        ))}
        <li>
          <strong>{number.format(d.totals.pledges)}</strong>
          {d.totals.pledges > 0 ? (
            <a
              href={href(
                `/recommendations?${new URLSearchParams({ state_under_review: d.state.iso3, kind: "voluntary-pledge" })}`,
              )}
            >
              {t("stateProfile.pledges")}
            </a>
          ) : (
            t("stateProfile.pledges")
          )}
        </li>
      </ul>
      {d.totals.recommendations === 0 ? (
        <p>{t("stateProfile.empty")}</p>
      ) : (
        <>
          <ChartSection id="cycle" title={t("stateProfile.byCycle")} labelHeading={t("facet.cycle")} bars={cycles} />
          <ChartSection
            id="response"
            title={t("stateProfile.byResponse")}
            labelHeading={t("facet.response")}
            bars={responses}
          />
          <ChartSection
            id="theme"
            title={t("stateProfile.byTheme", { count: themes.length })}
            hint={t("stateProfile.themeHint")}
            labelHeading={t("facet.theme")}
            bars={themes}
          />
          <ChartSection
            id="group"
            title={t("stateProfile.byGroup")}
            hint={t("stateProfile.groupHint")}
            labelHeading={t("country.group")}
            bars={groups}
          />
        </>
      )}
    </>
  );
}

/** One of the profile's breakdowns: a heading, an optional hint, and its chart with a table. */
function ChartSection({
  id,
  title,
  hint,
  labelHeading,
  bars,
}: {
  id: string;
  title: string;
  hint?: string;
  labelHeading: string;
  bars: Parameters<typeof BarChart>[0]["bars"];
}) {
  const t = useT();
  return (
    // The value column counts recommendations, as the search page is titled.
    <section aria-labelledby={`by-${id}`}>
      <h2 id={`by-${id}`}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      <BarChart
        id={`chart-${id}`}
        title={title}
        labelHeading={labelHeading}
        valueHeading={t("search.title")}
        bars={bars}
      />
    </section>
  );
}
