import { data, redirect } from "react-router";
import type { Role } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useT } from "../../../platform/ui/i18n";
import { decideJoinRequest, listPendingJoinRequests } from "../use-cases/join-requests";
import type { Route } from "./+types/admin-join-requests-page";
import { ROLE_LABEL } from "./labels";

export const handle = { access: { policy: "users.manage" } } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const requests = await listPendingJoinRequests({ actor: context.actor }, context.services);
  return { requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const decision = form.get("decision") === "approve" ? "approve" : "decline";
  const outcome = await decideJoinRequest(
    { actor: context.actor, id: String(form.get("id") ?? ""), decision, request: requestFacts(context) },
    context.services,
  );
  if (outcome === "not-found") throw data(null, { status: 404 });
  throw redirect(`/${context.locale}/admin/join-requests`, {
    headers: { "Set-Cookie": flashCookie(outcome === "approved" ? "joinRequest.approved" : "joinRequest.declined") },
  });
}

export default function AdminJoinRequestsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("joinRequests.title")} · item10`}</title>
      <PageHeading title={t("joinRequests.title")} lead={t("joinRequests.lead")} />
      {loaderData.requests.length === 0 && <p>{t("joinRequests.none")}</p>}
      {loaderData.requests.map((r) => (
        <article key={r.id} className="request-card">
          <h2>{t("home.you.role", { organisation: r.displayName, role: t(ROLE_LABEL[r.role as Role]) })}</h2>
          <p>
            {r.email} · {r.organisationName}
          </p>
          {r.message && <blockquote dir="auto">{r.message}</blockquote>}
          <form method="post" className="inline">
            <CsrfField />
            <input type="hidden" name="id" value={r.id} />
            <button
              type="submit"
              name="decision"
              value="approve"
              aria-label={t("joinRequests.approveNamed", { name: r.displayName })}
            >
              {t("joinRequests.approve")}
            </button>{" "}
            <button
              type="submit"
              name="decision"
              value="decline"
              className="secondary"
              aria-label={t("joinRequests.declineNamed", { name: r.displayName })}
            >
              {t("joinRequests.decline")}
            </button>
          </form>
        </article>
      ))}
    </>
  );
}
