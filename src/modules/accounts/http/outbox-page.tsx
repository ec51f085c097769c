import type { RouteHandle } from "../../../platform/http/guard";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { parsePage } from "../../../platform/pagination";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { listOutboxMessages } from "../use-cases/list-outbox";
import type { Route } from "./+types/outbox-page";

export const handle = { access: { policy: "outbox.view" } } satisfies RouteHandle;
const PER_PAGE = 20;

export async function loader({ request, context }: Route.LoaderArgs) {
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const { messages, total } = await listOutboxMessages(
    { actor: context.actor, limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    context.services,
  );
  return {
    smtp: context.services.config.mail.smtpUrl !== null,
    page,
    pageCount: Math.max(1, Math.ceil(total / PER_PAGE)),
    messages: messages.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

export default function OutboxPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const when = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  return (
    <>
      <title>{`${t("outbox.title")} · item10`}</title>
      <PageHeading title={t("outbox.title")} lead={d.smtp ? t("outbox.leadSmtp") : t("outbox.leadNoSmtp")} />
      {d.messages.length === 0 && <p>{t("outbox.empty")}</p>}
      {d.messages.map((m) => (
        <article key={m.id} className="mail" lang={m.locale} dir="auto">
          <h2>{m.subject}</h2>
          <p className="hint">
            {t("outbox.meta", { to: m.recipient, when: when.format(new Date(m.createdAt)) })}
            {" · "}
            {m.sentAt ? t("outbox.sent") : t("outbox.waiting")}
          </p>
          <pre>{m.text}</pre>
        </article>
      ))}
      <Pagination page={d.page} pageCount={d.pageCount} hrefFor={(p) => href(`/admin/outbox?page=${p}`)} />
    </>
  );
}
