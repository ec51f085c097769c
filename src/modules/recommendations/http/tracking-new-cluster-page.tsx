import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { listCountries } from "../../reference-data";
import { trackingWriters } from "../domain/policy";
import { TrackingForbiddenError } from "../use-cases/tracking";
import { saveCluster } from "../use-cases/tracking-clusters";
import type { Route } from "./+types/tracking-new-cluster-page";
import { ClusterFields, formFields, valuesOf } from "./tracking-parts";

// Signed in, then only a State's focal points: clusters are that State's own grouping.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const writers = trackingWriters(context.actor);
  if (writers.length === 0) throw data(null, { status: 403 });
  const countries = await listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services);
  const names = new Map(countries.map((c) => [c.iso3, c.names[context.locale]]));
  return {
    states: writers.map((w) => ({ iso3: w.stateIso3, name: names.get(w.stateIso3) ?? w.stateIso3 })),
    // Recommendations ticked on /tracking arrive here as `?members=…&members=…`.
    members: new URL(request.url).searchParams.getAll("members").slice(0, 1000).join("\n"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const sent = await formFields(request);
  const result = await saveCluster(
    { actor: context.actor, stateIso3: sent.state || undefined, form: sent, request: requestFacts(context) },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof TrackingForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
  throw redirect(`/${context.locale}/tracking/clusters/${result.clusterId}`, {
    headers: { "Set-Cookie": flashCookie("tracking.cluster.created") },
  });
}

export default function NewClusterPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems = actionData?.problems ?? {};
  const sent = actionData?.sent;
  const values = { ...valuesOf(sent, null), name: sent?.name ?? "", members: sent?.members ?? d.members };
  return (
    <>
      <title>{`${t("tracking.clusters.new")} · item10`}</title>
      <p>
        <a href={href("/tracking")}>{t("tracking.entry.back")}</a>
      </p>
      <PageHeading title={t("tracking.clusters.new")} lead={t("tracking.cluster.newLead")} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        {d.states.length === 1 ? (
          <input type="hidden" name="state" value={d.states[0]!.iso3} />
        ) : (
          <div className="field">
            <label htmlFor="state">{t("tracking.field.state")}</label>
            <select id="state" name="state" defaultValue={sent?.state}>
              {d.states.map((s) => (
                <option key={s.iso3} value={s.iso3}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ClusterFields values={values} problems={problems} />
        <button type="submit">{t("tracking.cluster.create")}</button>
      </form>
    </>
  );
}
