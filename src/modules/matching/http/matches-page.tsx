import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading, Pagination } from "../../../platform/ui/components";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import { offsetPages } from "../../../platform/ui/list-page";
import { isMatchState, MATCH_STATES } from "../domain/workflow";
import { listMatches } from "../use-cases/matches-read";
import type { Route } from "./+types/matches-page";
import { MATCH_STATE_LABEL, PROPOSER_LABEL } from "./match-parts";

// Signed in: each reader lists its own organisations' matches; the secretariat and the committee all.
export const handle = { access: "signed-in" } satisfies RouteHandle;

const LIMIT = 20;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("state");
  const state = isMatchState(asked) ? asked : null;
  const offset = Math.max(0, Math.floor(Number(url.searchParams.get("offset")) || 0));
  const found = await listMatches({ actor: context.actor, state, limit: LIMIT, offset }, context.services);
  return { ...found, state };
}

export default function MatchesPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  const title = t("matches.title");
  const pages = offsetPages(d, d.total);
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (d.state) params.set("state", d.state);
    if (page > 1) params.set("offset", String((page - 1) * d.limit));
    const s = params.toString();
    return href(`/matches${s ? `?${s}` : ""}`);
  };
  return (
    <>
      <title>{`${title} · item10`}</title>
      <PageHeading title={title} lead={t("matches.lead")} />
      <form className="filters" method="get" action={href("/matches")}>
        <div className="field">
          <label htmlFor="state">{t("matches.filter.state")}</label>
          <select id="state" name="state" defaultValue={d.state ?? ""}>
            <option value="">{t("matches.filter.any")}</option>
            {MATCH_STATES.map((s) => (
              <option key={s} value={s}>
                {t(MATCH_STATE_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("matches.filter.submit")}</button>
      </form>
      <p>{t("matches.count", { count: d.total })}</p>
      {d.items.length === 0 ? (
        <p>{t("matches.none")}</p>
      ) : (
        <ul className="result-list">
          {d.items.map((m) => (
            <li key={m.id}>
              <h2>
                <a href={href(`/matches/${m.id}`)}>{t("matches.detail.title", { number: m.number })}</a>
              </h2>
              <dl className="facts">
                <dt>{t("matches.fact.status")}</dt>
                <dd>{t(MATCH_STATE_LABEL[m.state])}</dd>
                <dt>{t("matches.fact.request")}</dt>
                <dd>
                  {m.request ? (
                    <a href={href(`/requests/${m.request.id}`)} lang={m.request.language}>
                      {m.request.title}
                    </a>
                  ) : (
                    t("matches.hidden.request")
                  )}{" "}
                  · {m.stateOrganisation.name}
                </dd>
                <dt>{t("matches.fact.offer")}</dt>
                <dd>
                  {m.offer ? (
                    <a href={href(`/offers/${m.offer.id}`)} lang={m.offer.language}>
                      {m.offer.title}
                    </a>
                  ) : (
                    t("matches.hidden.offer")
                  )}{" "}
                  · {m.providerOrganisation.name}
                </dd>
                <dt>{t("matches.fact.proposedBy")}</dt>
                <dd>{t(PROPOSER_LABEL[m.proposedBy])}</dd>
                <dt>{t("offers.fact.updated")}</dt>
                <dd>
                  <time dateTime={m.updatedAt}>{date(m.updatedAt)}</time>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={pages.page} pageCount={pages.pageCount} hrefFor={pageHref} />
    </>
  );
}
