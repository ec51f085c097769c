import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useT } from "../../../platform/ui/i18n";
import { GROUP_LABEL, listCountries, type RegionalGroup } from "../../reference-data";
import { screeningQueue } from "../use-cases/screening";
import type { Route } from "./+types/screening-queue-page";
import { STATE_LABEL } from "./request-parts";

export const handle = { access: { policy: "requests.review" } } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const [queue, countries] = await Promise.all([
    screeningQueue({ actor: context.actor }, context.services),
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
  ]);
  const name = Object.fromEntries(countries.map((c) => [c.iso3, c.names[context.locale]]));
  const shown = (rows: typeof queue.waiting) =>
    rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      title: row.title,
      language: row.language,
      country: name[row.stateIso3] ?? row.stateIso3,
      group: row.regionalGroup as RegionalGroup | null,
      state: row.state as keyof typeof STATE_LABEL,
      days: row.days,
      views: row.views,
    }));
  return { waiting: shown(queue.waiting), unanswered: shown(queue.unanswered) };
}

type Rows = Route.ComponentProps["loaderData"]["waiting"];

function QueueTable({ rows, caption, daysLabel }: { rows: Rows; caption: string; daysLabel: string }) {
  const t = useT();
  const href = useHref();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("screening.queue.request")}</th>
          <th scope="col">{t("requests.fact.country")}</th>
          <th scope="col">{t("requests.facet.group")}</th>
          <th scope="col">{t("requests.fact.state")}</th>
          <th scope="col">{daysLabel}</th>
          <th scope="col">{t("screening.queue.views")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={href(`/requests/${row.id}`)} lang={row.language}>
                {row.seq}. {row.title}
              </a>
            </td>
            <td>{row.country}</td>
            <td>{row.group ? t(GROUP_LABEL[row.group]) : "—"}</td>
            <td>{t(STATE_LABEL[row.state])}</td>
            <td>{row.days}</td>
            <td>{row.views}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ScreeningQueuePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t("screening.queue.title")} · item10`}</title>
      <PageHeading title={t("screening.queue.title")} lead={t("screening.queue.lead")} />
      <p>
        <a href={href("/secretariat/screening-criteria")}>{t("screening.criteria.title")}</a>
      </p>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t("screening.queue.waiting", { count: d.waiting.length })}</h2>
        {d.waiting.length === 0 ? (
          <p>{t("screening.queue.waitingNone")}</p>
        ) : (
          <QueueTable
            rows={d.waiting}
            caption={t("screening.queue.waitingCaption")}
            daysLabel={t("screening.queue.daysWaiting")}
          />
        )}
      </section>
      <section aria-labelledby="unanswered-heading">
        <h2 id="unanswered-heading">{t("screening.queue.unanswered", { count: d.unanswered.length })}</h2>
        {d.unanswered.length === 0 ? (
          <p>{t("screening.queue.unansweredNone")}</p>
        ) : (
          <QueueTable
            rows={d.unanswered}
            caption={t("screening.queue.unansweredCaption")}
            daysLabel={t("screening.queue.daysOpen")}
          />
        )}
      </section>
    </>
  );
}
