import { redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { routeHeaders } from "../../../platform/http/load-context";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { isNotificationKind, NOTIFICATION_MESSAGES } from "../domain/kinds";
import { listMyNotifications } from "../use-cases/list-my-notifications";
import { markNotificationsRead } from "../use-cases/mark-notifications-read";
import type { Route } from "./+types/notifications-page";

export const handle = { access: "signed-in" } satisfies RouteHandle;
export const headers = routeHeaders;

const PER_PAGE = 20;

export async function loader({ request, context }: Route.LoaderArgs) {
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const list = await listMyNotifications({ actor: context.actor, page, perPage: PER_PAGE }, context.services);
  return {
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
    unread: list.unread,
    items: list.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      values: n.values,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      isUnread: n.readAt === null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const all = form.get("intent") === "read-all";
  await markNotificationsRead(
    { actor: context.actor, which: all ? "all" : { id: String(form.get("id") ?? "") } },
    context.services,
  );
  // Back to the page the reader was on, which the form posted to.
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  throw redirect(`/${context.locale}/notifications${page > 1 ? `?page=${page}` : ""}`, {
    headers: { "Set-Cookie": flashCookie(all ? "notifications.allMarked" : "notifications.marked") },
  });
}

export default function NotificationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const text = (kind: string, values: Record<string, string | number>) =>
    isNotificationKind(kind) ? t(NOTIFICATION_MESSAGES[kind].text, values) : t("notifications.unknownKind");
  return (
    <>
      <title>{`${t("notifications.title")} · item10`}</title>
      <PageHeading title={t("notifications.title")} lead={t("notifications.lead", { unread: d.unread })} />
      <ul className="actions">
        <li>
          <a href={href("/account/notifications")}>{t("notifications.preferencesLink")}</a>
        </li>
      </ul>
      {d.unread > 0 && (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">{t("notifications.markAllRead")}</button>
        </form>
      )}
      {d.total === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ol className="result-list">
          {d.items.map((n) => {
            const sentence = text(n.kind, n.values);
            return (
              <li key={n.id} className={n.isUnread ? "unread" : undefined}>
                <p>
                  <span className="badge">{n.isUnread ? t("notifications.unread") : t("notifications.read")}</span>{" "}
                  {n.isUnread ? (
                    <strong>
                      <a href={href(n.link)}>{sentence}</a>
                    </strong>
                  ) : (
                    <a href={href(n.link)}>{sentence}</a>
                  )}
                </p>
                <p className="hint">
                  <time dateTime={n.createdAt}>{date(n.createdAt)}</time>
                </p>
                {n.isUnread && (
                  <form method="post" className="inline">
                    <CsrfField />
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="link-button">
                      {t("notifications.markRead")}
                      <span className="visually-hidden">{`: ${sentence}`}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        hrefFor={(p) => href(`/notifications${p > 1 ? `?page=${p}` : ""}`)}
      />
    </>
  );
}
