import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { getSdgGoal } from "../use-cases/get-sdg-goal";
import type { Route } from "./+types/sdg-goal-page";

export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const goal = await getSdgGoal({ actor: context.actor, code: params.goal }, context.services);
  if (!goal) throw data(null, { status: 404 });
  const l = context.locale;
  return {
    code: goal.code,
    short: goal.short[l],
    title: goal.title[l],
    targets: goal.targets.map((t) => ({
      code: t.code,
      title: t.title[l],
      indicators: t.indicators.map((i) => ({ code: i.code, title: i.title[l] })),
    })),
  };
}

export default function SdgGoalPage({ loaderData: goal }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale());
  return (
    <>
      <title>{`${goal.short} · item10`}</title>
      <p>
        <a href={href("/sdgs")}>{t("sdg.back")}</a>
      </p>
      <PageHeading
        title={`${t("sdgs.goalNumber", { number: number.format(goal.code) })} ${goal.short}`}
        lead={goal.title}
      />
      <div className="table-scroll">
        <table>
          <caption>{t("sdg.targetsCaption", { count: goal.targets.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sdg.target")}</th>
              <th scope="col">{t("sdg.indicators")}</th>
            </tr>
          </thead>
          <tbody>
            {goal.targets.map((target) => (
              <tr key={target.code} id={`target-${target.code}`}>
                <th scope="row">
                  <span className="code">{target.code}</span>
                  {target.title}
                </th>
                <td>
                  <ul>
                    {target.indicators.map((i) => (
                      <li key={i.code}>
                        <span className="code">{i.code}</span>
                        {i.title}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
