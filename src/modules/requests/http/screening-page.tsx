import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { Choice } from "../../../platform/ui/form-fields";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getCountry } from "../../reference-data";
import { can } from "../domain/policy";
import { ANSWERS, OUTCOMES, type ScreeningForm } from "../domain/screening";
import { getRequest } from "../use-cases/get-request";
import { recordScreeningView, ScreeningForbiddenError, screenRequest } from "../use-cases/screening";
import type { Route } from "./+types/screening-page";

export const handle = { access: { policy: "requests.review" } } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await getRequest({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  if (!found.canDecide && !found.canScreenView) throw data(null, { status: 409 });
  const country = await getCountry({ actor: context.actor, iso3: found.request.stateIso3 }, context.services);
  return {
    id: found.request.id,
    seq: found.request.seq,
    title: found.request.title,
    language: found.request.language,
    country: country?.names[context.locale] ?? found.request.stateIso3,
    criteria: found.criteria,
    deciding: found.canDecide,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const answers: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith("answer-")) answers[k.slice("answer-".length)] = String(v);
  const sent: ScreeningForm = {
    answers,
    outcome: String(form.get("outcome") ?? ""),
    comment: String(form.get("comment") ?? ""),
  };
  const input = { actor: context.actor, id: params.id, form: sent, request: requestFacts(context) };
  try {
    const result = can(context.actor, "requests.screen")
      ? await screenRequest(input, context.services)
      : await recordScreeningView(input, context.services);
    if (result.outcome === "not-found") throw data(null, { status: 404 });
    if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
    if (result.outcome === "refused" || result.outcome === "closed") throw data(null, { status: 409 });
  } catch (error) {
    if (error instanceof ScreeningForbiddenError) throw data(null, { status: 403 });
    throw error;
  }
  throw redirect(`/${context.locale}/requests/${params.id}`, {
    headers: { "Set-Cookie": flashCookie("requests.flash.screened") },
  });
}

export default function ScreeningPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems = actionData?.problems ?? {};
  const sent = actionData?.sent;
  const title = t(d.deciding ? "screening.decide.title" : "screening.view.title", { number: d.seq });
  return (
    <>
      <title>{`${title} · item10`}</title>
      <p>
        <a href={href(`/requests/${d.id}`)}>{t("requests.backToRequest")}</a>
      </p>
      <PageHeading title={title} lead={t(d.deciding ? "screening.decide.lead" : "screening.view.lead")} />
      <p>
        <strong lang={d.language}>{d.title}</strong> — {d.country}
      </p>
      <ErrorSummary errors={problems} />
      {d.criteria && (
        <form method="post" className="stack" noValidate>
          <CsrfField />
          <p>{t("screening.criteriaVersion", { version: d.criteria.version })}</p>
          {d.criteria.items.map((c, i) => (
            <Choice
              key={c.code}
              id={`answer-${c.code}`}
              legend={t("screening.criterion", { n: i + 1, text: c.text })}
              problem={problems[`answer-${c.code}`]}
              value={sent?.answers[c.code] ?? ""}
              options={ANSWERS.map((a) => ({
                value: a,
                label: t(
                  a === "met"
                    ? "screening.answer.met"
                    : a === "not-met"
                      ? "screening.answer.not-met"
                      : "screening.answer.unclear",
                ),
              }))}
            />
          ))}
          <Choice
            id="outcome"
            legend={t(d.deciding ? "screening.outcome" : "screening.advice")}
            problem={problems.outcome}
            value={sent?.outcome ?? ""}
            options={OUTCOMES.map((o) => ({
              value: o,
              label: t(o === "open" ? "screening.outcome.open" : "screening.outcome.return"),
            }))}
          />
          <Field id="comment" label={t("screening.comment")} hint={t("screening.commentHint")} error={problems.comment}>
            <textarea
              rows={5}
              defaultValue={sent?.comment ?? ""}
              {...invalidProps("comment", problems.comment, true)}
            />
          </Field>
          <button type="submit">{t(d.deciding ? "screening.decide.submit" : "screening.view.submit")}</button>
        </form>
      )}
    </>
  );
}
