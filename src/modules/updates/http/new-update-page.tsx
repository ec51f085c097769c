import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { updateWriters } from "../domain/policy";
import { saveUpdateDraft } from "../use-cases/save-update-draft";
import { UpdateForbiddenError } from "../use-cases/shared";
import type { Route } from "./+types/new-update-page";
import { formChoices, postedForm, stateName, UpdateFields, valuesOf } from "./update-parts";

// A State's focal points write its updates (domain/policy.ts).
export const handle = { access: { policy: "updates.write" } } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const writers = updateWriters(context.actor);
  const states = writers.map((w) => w.stateIso3);
  const [choices, names] = await Promise.all([
    formChoices(context.actor, context.locale, states, context.services),
    Promise.all(states.map((iso3) => stateName(context.actor, iso3, context.locale, context.services))),
  ]);
  return {
    choices,
    states: states.map((iso3, i) => ({ iso3, name: names[i]! })),
    locale: context.locale,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { form, fields } = await postedForm(request);
  const state = fields.get("state");
  const result = await saveUpdateDraft(
    {
      actor: context.actor,
      stateIso3: typeof state === "string" && state ? state : undefined,
      form,
      request: requestFacts(context),
    },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof UpdateForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "invalid") return data({ problems: result.problems, form }, { status: 400 });
  if (result.outcome !== "saved") throw data(null, { status: 404 });
  throw redirect(`/${context.locale}/updates/${result.updateId}/edit`, {
    headers: { "Set-Cookie": flashCookie("updates.flash.created") },
  });
}

export default function NewUpdatePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems = actionData?.problems ?? {};
  const values = valuesOf(actionData?.form, {
    title: "",
    achievements: "",
    challenges: "",
    goodPractices: "",
    lessons: "",
    language: d.locale,
    themes: [],
    sdgTargets: [],
    clusterIds: [],
    recommendationIds: [],
    visibility: "private",
  });
  return (
    <>
      <title>{`${t("updates.new")} · item10`}</title>
      <p>
        <a href={href("/updates")}>{t("updates.back")}</a>
      </p>
      <PageHeading title={t("updates.new")} lead={t("updates.new.lead")} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        {d.states.length === 1 ? (
          <input type="hidden" name="state" value={d.states[0]!.iso3} />
        ) : (
          <div className="field">
            <label htmlFor="state">{t("updates.field.state")}</label>
            <select id="state" name="state">
              {d.states.map((s) => (
                <option key={s.iso3} value={s.iso3}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <UpdateFields values={values} problems={problems} choices={d.choices} />
        <button type="submit">{t("updates.create")}</button>
      </form>
    </>
  );
}
