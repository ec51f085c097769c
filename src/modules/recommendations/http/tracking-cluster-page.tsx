import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getCountry } from "../../reference-data";
import { TrackingForbiddenError } from "../use-cases/tracking";
import { clusterOf, saveCluster } from "../use-cases/tracking-clusters";
import type { Route } from "./+types/tracking-cluster-page";
import { ClusterFields, formFields, History, STATUS_LABEL, TrackingFacts, valuesOf } from "./tracking-parts";

// Public like an entry: a cluster its State published is open to all, any other answers 404.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await clusterOf({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const country = await getCountry({ actor: context.actor, iso3: found.cluster.stateIso3 }, context.services);
  const { cluster } = found;
  return {
    cluster: {
      ...cluster,
      state: country?.names[context.locale] ?? cluster.stateIso3,
      createdAt: cluster.createdAt.toISOString(),
      updatedAt: cluster.updatedAt.toISOString(),
    },
    canEdit: found.canEdit,
    members: found.members,
    history: found.history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const sent = await formFields(request);
  const result = await saveCluster(
    { actor: context.actor, clusterId: params.id, form: sent, request: requestFacts(context) },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof TrackingForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
  throw redirect(`/${context.locale}/tracking/clusters/${result.clusterId}`, {
    headers: {
      "Set-Cookie": flashCookie(result.outcome === "saved" ? "tracking.cluster.saved" : "tracking.unchanged"),
    },
  });
}

export default function ClusterPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const c = d.cluster;
  const problems = actionData?.problems ?? {};
  const sent = actionData?.sent;
  const values = {
    ...valuesOf(sent, c),
    name: sent?.name ?? c.name,
    members: sent?.members ?? d.members.map((m) => m.key).join("\n"),
  };
  return (
    <>
      <title>{`${c.name} · item10`}</title>
      <p>
        <a href={href("/tracking")}>{t("tracking.entry.back")}</a>
      </p>
      <PageHeading title={c.name} lead={t("tracking.cluster.lead", { state: c.state })} />
      <TrackingFacts state={c} updatedAt={c.updatedAt} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("tracking.cluster.members")}</h2>
        <p>{t("tracking.list.count", { count: d.members.length })}</p>
        <div className="table-scroll">
          <table>
            <caption>{t("tracking.cluster.members")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.column.recommendation")}</th>
                <th scope="col">{t("tracking.filter.cycle")}</th>
                <th scope="col">{t("tracking.cluster.memberStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.key}>
                  <td>
                    <p lang={m.language}>{m.text}</p>
                    <a href={href(`/tracking/${encodeURIComponent(m.key)}`)}>{m.key}</a>
                  </td>
                  <td>{m.cycle ?? "—"}</td>
                  <td>{m.status ? t(STATUS_LABEL[m.status]!) : t("tracking.untracked")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {d.canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("tracking.cluster.edit")}</h2>
          <ErrorSummary errors={problems} />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <ClusterFields values={values} problems={problems} />
            <button type="submit">{t("tracking.save")}</button>
          </form>
        </section>
      )}

      <History id="cluster-history" rows={d.history} level={2} />
    </>
  );
}
