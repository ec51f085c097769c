import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { listSdgGoals } from "../use-cases/list-sdg-goals";
import type { Route } from "./+types/sdgs-page";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const goals = await listSdgGoals({ actor: context.actor, withIndicators: false }, context.services);
  const l = context.locale;
  // Only the page's language travels: six languages of 169 targets would triple the page.
  return {
    goals: goals.map((g) => ({
      code: g.code,
      short: g.short[l],
      title: g.title[l],
      targets: g.targets.map((t) => ({ code: t.code, title: t.title[l] })),
    })),
  };
}

export default function SdgsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const targetCount = loaderData.goals.reduce((n, g) => n + g.targets.length, 0);
  return (
    <>
      <title>{`${t("sdgs.title")} · item10`}</title>
      <PageHeading
        title={t("sdgs.title")}
        lead={t("sdgs.lead", { goals: loaderData.goals.length, targets: targetCount })}
      />
      <ol className="goal-list" aria-label={t("sdgs.listLabel")}>
        {loaderData.goals.map((g) => (
          <li key={g.code} id={`goal-${g.code}`}>
            <h2>
              <a href={href(`/sdgs/${g.code}`)}>
                <span className="code">{t("sdgs.goalNumber", { number: number.format(g.code) })}</span>
                {g.short}
              </a>
            </h2>
            <p>{g.title}</p>
            <details>
              <summary>{t("sdgs.showTargets", { count: g.targets.length })}</summary>
              <ul className="target-list">
                {g.targets.map((target) => (
                  <li key={target.code}>
                    <span className="code">{target.code}</span>
                    {target.title}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}
