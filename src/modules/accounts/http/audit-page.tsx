import type { RouteHandle } from "../../../platform/http/guard";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { parsePage } from "../../../platform/pagination";
import { ErrorSummary, FieldError, PageHeading, Pagination } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { parseAuditFilter } from "../domain/audit-filter";
import { listAuditEvents, listAuditFilterChoices } from "../use-cases/list-audit-events";
import type { Route } from "./+types/audit-page";

export const handle = { access: { policy: "audit.view" } } satisfies RouteHandle;

const PER_PAGE = 50;
const AUDIT_FILTER_FIELDS = ["user", "organisation", "subjectType", "subjectId", "from", "to"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(AUDIT_FILTER_FIELDS.map((f) => [f, params.get(f) ?? ""])) as Record<
    (typeof AUDIT_FILTER_FIELDS)[number],
    string
  >;
  const { filter, errors } = parseAuditFilter(raw);
  const page = parsePage(params.get("page"));
  const [result, choices] = await Promise.all([
    listAuditEvents(
      {
        actor: context.actor,
        filter: Object.keys(errors).length ? {} : filter,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      },
      context.services,
    ),
    listAuditFilterChoices({ actor: context.actor }, context.services),
  ]);
  return {
    raw,
    errors,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)),
    total: result.total,
    choices,
    events: result.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
  };
}

export default function AuditPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const when = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  });
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...d.raw, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <title>{`${t("audit.title")} · item10`}</title>
      <PageHeading title={t("audit.title")} lead={t("audit.lead")} />
      <ErrorSummary errors={d.errors} />
      <form className="filters" method="get">
        <div className="field">
          <label htmlFor="user">{t("audit.filter.user")}</label>
          <input id="user" name="user" type="email" defaultValue={d.raw.user} />
        </div>
        <div className="field">
          <label htmlFor="organisation">{t("audit.filter.organisation")}</label>
          <FieldError id="organisation" error={d.errors.organisation} />
          <select
            id="organisation"
            name="organisation"
            defaultValue={d.raw.organisation}
            aria-invalid={d.errors.organisation ? true : undefined}
          >
            <option value="">{t("audit.filter.any")}</option>
            {d.choices.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="subjectType">{t("audit.filter.subjectType")}</label>
          <FieldError id="subjectType" error={d.errors.subjectType} />
          <select
            id="subjectType"
            name="subjectType"
            defaultValue={d.raw.subjectType}
            aria-invalid={d.errors.subjectType ? true : undefined}
          >
            <option value="">{t("audit.filter.any")}</option>
            {d.choices.subjectTypes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="subjectId">{t("audit.filter.subjectId")}</label>
          <input id="subjectId" name="subjectId" defaultValue={d.raw.subjectId} />
        </div>
        <div className="field">
          <label htmlFor="from">{t("audit.filter.from")}</label>
          <FieldError id="from" error={d.errors.from} />
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={d.raw.from}
            aria-invalid={d.errors.from ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="to">{t("audit.filter.to")}</label>
          <FieldError id="to" error={d.errors.to} />
          <input id="to" name="to" type="date" defaultValue={d.raw.to} aria-invalid={d.errors.to ? true : undefined} />
        </div>
        <button type="submit">{t("audit.filter.apply")}</button>
      </form>
      <p>
        {t("audit.count", { count: d.total })} ·{" "}
        <a href={href(`/secretariat/audit.csv${query({})}`)}>{t("audit.download")}</a>
      </p>
      <div className="table-scroll">
        <table>
          <caption>{t("audit.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.forOrganisation")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.id}>
                <td>{when.format(new Date(e.occurredAt))}</td>
                <td>{e.actorName ?? t(e.actorKind === "system" ? "audit.actor.system" : "audit.actor.other")}</td>
                <td>{e.organisationName ?? ""}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.subjectType} <code>{e.subjectId}</code>
                </td>
                <td>
                  <ul className="changes">
                    {Object.entries(e.changes).map(([field, [before, after]]) => (
                      <li key={field}>
                        <code>{field}</code>: {JSON.stringify(before)} → {JSON.stringify(after)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        hrefFor={(p) => href(`/secretariat/audit${query({ page: String(p) })}`)}
      />
    </>
  );
}
