import { can, getAccountOverview, ROLE_LABEL } from "../../../modules/accounts";
import { listCountries, listSdgGoals, REGIONAL_GROUPS } from "../../../modules/reference-data";
import { needsSecondFactor } from "../../actor";
import type { RouteHandle } from "../../http/guard";
import { useHref, useLocale, useT } from "../i18n";
import type { Route } from "./+types/home-page";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const actor = context.actor;
  const [countries, goals, me] = await Promise.all([
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listSdgGoals({ actor: context.actor, withIndicators: false }, context.services),
    actor.kind === "user" ? getAccountOverview({ actor }, context.services) : null,
  ]);
  // Live counts from the database, not figures written into the page.
  return {
    me: me && {
      displayName: me.displayName,
      memberships: me.memberships.map((m) => ({ organisation: m.organisationName, role: m.role })),
      canViewAudit: can(actor, "audit.view"),
      secondFactorNeeded: needsSecondFactor(actor),
    },
    states: countries.length,
    sids: countries.filter((c) => c.statuses.includes("sids")).length,
    ldc: countries.filter((c) => c.statuses.includes("ldc")).length,
    groups: REGIONAL_GROUPS.length,
    goals: goals.length,
    targets: goals.reduce((n, g) => n + g.targets.length, 0),
  };
}

export default function HomePage({ loaderData: n }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale());
  return (
    <>
      <title>{`item10 · ${t("home.title")}`}</title>
      {n.me && (
        <section className="you" aria-labelledby="you-heading">
          <h2 id="you-heading">{t("home.you.heading", { name: n.me.displayName })}</h2>
          {n.me.secondFactorNeeded && (
            <p className="notice">
              {t("home.you.secondFactorNeeded")}{" "}
              <a href={href("/account/security")}>{t("home.you.setUpSecondFactor")}</a>
            </p>
          )}
          <p>{t("home.you.actingFor")}</p>
          <ul>
            {n.me.memberships.map((m) => (
              <li key={`${m.organisation}-${m.role}`}>
                {t("home.you.role", { organisation: m.organisation, role: t(ROLE_LABEL[m.role]) })}
              </li>
            ))}
          </ul>
          <ul className="actions">
            <li>
              <a href={href("/account")}>{t("home.you.account")}</a>
            </li>
            {n.me.canViewAudit && (
              <li>
                <a href={href("/secretariat/audit")}>{t("home.you.audit")}</a>
              </li>
            )}
          </ul>
        </section>
      )}
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.how.heading")}</h2>
      <ol>
        <li>{t("home.how.share")}</li>
        <li>{t("home.how.ask")}</li>
        <li>{t("home.how.match")}</li>
        <li>{t("home.how.deliver")}</li>
        <li>{t("home.how.report")}</li>
      </ol>
      <h2>{t("home.reference.heading")}</h2>
      <ul className="figures">
        <li>
          <strong>{number.format(n.states)}</strong>
          <a href={href("/countries")}>{t("home.reference.states")}</a>
        </li>
        <li>
          <strong>{number.format(n.ldc)}</strong>
          <a href={href("/countries?status=ldc")}>{t("home.reference.ldc")}</a>
        </li>
        <li>
          <strong>{number.format(n.sids)}</strong>
          <a href={href("/countries?status=sids")}>{t("home.reference.sids")}</a>
        </li>
        <li>
          <strong>{number.format(n.goals)}</strong>
          <a href={href("/sdgs")}>{t("home.reference.goals", { targets: number.format(n.targets) })}</a>
        </li>
      </ul>
    </>
  );
}
