import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useDate, useT } from "../../../platform/ui/i18n";
import { can } from "../domain/policy";
import { CRITERIA_LIMITS } from "../domain/screening";
import { criteriaHistory, publishScreeningCriteria, ScreeningForbiddenError } from "../use-cases/screening";
import type { Route } from "./+types/criteria-page";

// Public: the criteria requests are screened against are published, like the Council's own rules.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const versions = await criteriaHistory({ actor: context.actor }, context.services);
  return {
    canEdit: can(context.actor, "requests.screen"),
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const text = String(form.get("criteria") ?? "");
  try {
    const result = await publishScreeningCriteria(
      { actor: context.actor, text, request: requestFacts(context) },
      context.services,
    );
    if (result.outcome === "invalid") return data({ problem: result.problem, text }, { status: 400 });
  } catch (error) {
    if (error instanceof ScreeningForbiddenError) throw data(null, { status: 403 });
    throw error;
  }
  throw redirect(`/${context.locale}/secretariat/screening-criteria`, {
    headers: { "Set-Cookie": flashCookie("screening.criteria.published") },
  });
}

export default function CriteriaPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const date = useDate();
  const [current, ...older] = d.versions;
  const problem = actionData?.problem;
  return (
    <>
      <title>{`${t("screening.criteria.title")} · item10`}</title>
      <PageHeading title={t("screening.criteria.title")} lead={t("screening.criteria.lead")} />
      {current && (
        <section aria-labelledby="current-heading">
          <h2 id="current-heading">
            {t("screening.criteria.version", { version: current.version, date: date(current.publishedAt) })}
          </h2>
          <ol lang={current.language}>
            {current.items.map((item) => (
              <li key={item.code}>{item.text}</li>
            ))}
          </ol>
        </section>
      )}
      {d.canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("screening.criteria.edit")}</h2>
          <ErrorSummary errors={problem ? { criteria: problem } : {}} />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <Field
              id="criteria"
              label={t("screening.criteria.field")}
              hint={t("screening.criteria.hint", { max: CRITERIA_LIMITS.items })}
              error={problem}
            >
              <textarea
                rows={10}
                defaultValue={actionData?.text ?? current?.items.map((i) => i.text).join("\n") ?? ""}
                {...invalidProps("criteria", problem, true)}
              />
            </Field>
            <button type="submit">{t("screening.criteria.publish")}</button>
          </form>
        </section>
      )}
      {older.length > 0 && (
        <section aria-labelledby="older-heading">
          <h2 id="older-heading">{t("screening.criteria.older")}</h2>
          {older.map((v) => (
            <details key={v.version}>
              <summary>{t("screening.criteria.version", { version: v.version, date: date(v.publishedAt) })}</summary>
              <ol lang={v.language}>
                {v.items.map((item) => (
                  <li key={item.code}>{item.text}</li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      )}
    </>
  );
}
