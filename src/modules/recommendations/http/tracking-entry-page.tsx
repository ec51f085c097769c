import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { listCountries } from "../../reference-data";
import { saveTrackingEntry, TrackingForbiddenError, trackingEntryOf } from "../use-cases/tracking";
import type { Route } from "./+types/tracking-entry-page";
import { RESPONSE_LABEL } from "./labels";
import { formFields, History, STATUS_LABEL, TrackingFacts, TrackingFields, valuesOf } from "./tracking-parts";

// Public: a State may publish its tracking. Whoever may see no entry gets 404, as for no page at all.
export const handle = { access: "public" } satisfies RouteHandle;

type Entry = NonNullable<Awaited<ReturnType<typeof trackingEntryOf>>>["others"][number];

function shown(entry: Entry) {
  return {
    ...entry,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    history: entry.history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
  };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await trackingEntryOf({ actor: context.actor, key: params.key }, context.services);
  if (!found) throw data(null, { status: 404 });
  const countries = await listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services);
  const names = new Map(countries.map((c) => [c.iso3, c.names[context.locale]]));
  const name = (iso3: string) => names.get(iso3) ?? iso3;
  const r = found.recommendation;
  return {
    recommendation: { ...r, state: name(r.stateUnderReview), by: r.recommendingStates.map(name) },
    canEdit: found.writer !== null,
    own: found.own ? shown(found.own) : null,
    others: found.others.map(shown),
    clusters: found.clusters,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const sent = await formFields(request);
  const result = await saveTrackingEntry(
    { actor: context.actor, key: params.key, form: sent, request: requestFacts(context) },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof TrackingForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
  throw redirect(`/${context.locale}/tracking/${encodeURIComponent(params.key)}`, {
    headers: { "Set-Cookie": flashCookie(result.outcome === "saved" ? "tracking.saved" : "tracking.unchanged") },
  });
}

export default function TrackingEntryPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const r = d.recommendation;
  const problems = actionData?.problems ?? {};
  const title = t("tracking.entry.title", { key: r.key });
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href("/tracking")}>{t("tracking.entry.back")}</a>
      </p>
      <PageHeading title={title} />
      <section aria-labelledby="recommendation-heading">
        <h2 id="recommendation-heading">{t("tracking.entry.recommendation")}</h2>
        <blockquote lang={r.language}>
          <p>{r.text}</p>
        </blockquote>
        <dl className="facts">
          <dt>{t("tracking.fact.state")}</dt>
          <dd>{r.state}</dd>
          {r.by.length > 0 && (
            <>
              <dt>{t("tracking.fact.by")}</dt>
              <dd>{r.by.join(", ")}</dd>
            </>
          )}
          <dt>{t("tracking.fact.when")}</dt>
          <dd>{t("search.when", { cycle: r.cycle ?? "—", session: r.session ?? "—", year: r.year ?? "—" })}</dd>
          {r.response && RESPONSE_LABEL[r.response] && (
            <>
              <dt>{t("tracking.fact.response")}</dt>
              <dd>{t(RESPONSE_LABEL[r.response]!)}</dd>
            </>
          )}
          <dt>{t("tracking.fact.reference")}</dt>
          <dd>
            <code>{r.key}</code>
          </dd>
        </dl>
        {d.clusters.length > 0 && (
          <>
            <h3>{t("tracking.entry.clusters")}</h3>
            <ul>
              {d.clusters.map((c) => (
                <li key={c.id}>
                  <a href={href(`/tracking/clusters/${c.id}`)}>{c.name}</a> ({t(STATUS_LABEL[c.status]!)})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {d.canEdit && (
        <section aria-labelledby="yours-heading">
          <h2 id="yours-heading">{t("tracking.entry.yours")}</h2>
          {!d.own && <p>{t("tracking.entry.notTracked")}</p>}
          <ErrorSummary errors={problems} />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <TrackingFields values={valuesOf(actionData?.sent, d.own)} problems={problems} />
            <button type="submit">{t("tracking.save")}</button>
          </form>
          {d.own && <History id="own-history" rows={d.own.history} />}
        </section>
      )}

      {d.others.map((entry, i) => (
        <section key={entry.id} aria-labelledby={`shared-${i}`}>
          <h2 id={`shared-${i}`}>{t("tracking.entry.shared")}</h2>
          <TrackingFacts state={entry} updatedAt={entry.updatedAt} />
          <History id={`shared-${i}-history`} rows={entry.history} />
        </section>
      ))}
    </>
  );
}
