import { data, redirect } from "react-router";
import type { Role } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination, SearchForm } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { listOpenInvitations, revokeInvitation } from "../use-cases/invitations";
import type { Route } from "./+types/admin-invitations-page";
import { ROLE_LABEL } from "./labels";

export const handle = { access: { policy: "users.manage" } } satisfies RouteHandle;
const PER_PAGE = 25;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const search = params.get("q") ?? "";
  const page = parsePage(params.get("page"));
  const result = await listOpenInvitations(
    { actor: context.actor, search, limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    context.services,
  );
  return {
    search,
    page,
    total: result.total,
    pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)),
    invitations: result.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const outcome = await revokeInvitation(
    { actor: context.actor, id: String(form.get("id") ?? ""), request: requestFacts(context) },
    context.services,
  );
  if (outcome === "not-found") throw data(null, { status: 404 });
  throw redirect(`/${context.locale}/admin/invitations`, {
    headers: { "Set-Cookie": flashCookie("invitation.revoked") },
  });
}

export default function AdminInvitationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const when = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], { dateStyle: "medium" });
  return (
    <>
      <title>{`${t("adminInvitations.title")} · item10`}</title>
      <PageHeading title={t("adminInvitations.title")} />
      <p>
        <a href={href("/invitations/new")}>{t("account.invite")}</a>
      </p>
      <SearchForm query={d.search} total={d.total} />
      <div className="table-scroll">
        <table>
          <caption>{t("adminInvitations.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("signIn.email")}</th>
              <th scope="col">{t("account.organisation")}</th>
              <th scope="col">{t("account.role")}</th>
              <th scope="col">{t("tokens.expires")}</th>
              <th scope="col">{t("tokens.status")}</th>
            </tr>
          </thead>
          <tbody>
            {d.invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.email}</th>
                <td>{i.organisationName}</td>
                <td>{t(ROLE_LABEL[i.role as Role])}</td>
                <td>{when.format(new Date(i.expiresAt))}</td>
                <td>
                  <form method="post">
                    <CsrfField />
                    <input type="hidden" name="id" value={i.id} />
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={t("adminInvitations.revokeNamed", { email: i.email })}
                    >
                      {t("tokens.revoke")}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        hrefFor={(p) => href(`/admin/invitations?${new URLSearchParams({ q: d.search, page: String(p) })}`)}
      />
    </>
  );
}
