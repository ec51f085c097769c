import { listCountries, listSdgGoals, REGIONAL_GROUPS } from "../../../modules/reference-data";
import { useHref, useLocale, useT } from "../i18n";
import type { Route } from "./+types/home-page";

export async function loader({ context }: Route.LoaderArgs) {
  const [countries, goals] = await Promise.all([
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
    listSdgGoals({ actor: context.actor, withIndicators: false }, context.services),
  ]);
  // Live counts from the database, not figures written into the page.
  return {
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
