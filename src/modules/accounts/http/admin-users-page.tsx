import { data, redirect } from "react-router";
import type { Role } from "../../../platform/actor";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination, SearchForm } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { removeMembership } from "../use-cases/invitations";
import { listUsers } from "../use-cases/organisations";
import type { Route } from "./+types/admin-users-page";
import { ROLE_LABEL } from "./labels";

export const handle = { access: { policy: "users.manage" } } satisfies RouteHandle;
const PER_PAGE = 25;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const search = params.get("q") ?? "";
  const page = parsePage(params.get("page"));
  const result = await listUsers(
    { actor: context.actor, search, limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    context.services,
  );
  return { ...result, search, page, pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const field = (k: string) => String(form.get(k) ?? "");
  const outcome = await removeMembership(
    {
      actor: context.actor,
      userId: field("userId"),
      organisationId: field("organisationId"),
      role: field("role"),
      request: requestFacts(context),
    },
    context.services,
  );
  if (outcome === "not-found") throw data(null, { status: 404 });
  throw redirect(`/${context.locale}/admin/users`, { headers: { "Set-Cookie": flashCookie("membership.removed") } });
}

export default function AdminUsersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t("adminUsers.title")} · item10`}</title>
      <PageHeading title={t("adminUsers.title")} />
      <p>
        <a href={href("/invitations/new")}>{t("account.invite")}</a>
      </p>
      <SearchForm query={d.search} total={d.total} />
      <div className="table-scroll">
        <table>
          <caption>{t("adminUsers.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("join.displayName")}</th>
              <th scope="col">{t("signIn.email")}</th>
              <th scope="col">{t("account.role")}</th>
              <th scope="col">{t("account.security")}</th>
            </tr>
          </thead>
          <tbody>
            {d.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.displayName}</th>
                <td>{u.email}</td>
                <td>
                  <ul className="changes">
                    {u.memberships.map((m) => (
                      <li key={`${m.organisationName}-${m.role}`}>
                        {t("home.you.role", { organisation: m.organisationName, role: t(ROLE_LABEL[m.role as Role]) })}{" "}
                        <form method="post" className="inline">
                          <CsrfField />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="organisationId" value={m.organisationId} />
                          <input type="hidden" name="role" value={m.role} />
                          <button
                            type="submit"
                            className="link-button"
                            aria-label={t("adminUsers.removeRoleNamed", {
                              role: t(ROLE_LABEL[m.role as Role]),
                              name: u.displayName,
                            })}
                          >
                            {t("adminUsers.removeRole")}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.status === "closed"
                    ? t("adminUsers.closed")
                    : u.secondFactor
                      ? t("adminUsers.secondFactor")
                      : t("adminUsers.passwordOnly")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        hrefFor={(p) => href(`/admin/users?${new URLSearchParams({ q: d.search, page: String(p) })}`)}
      />
    </>
  );
}
