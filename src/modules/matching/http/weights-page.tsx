import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { ErrorSummary, Field, type FieldProblem, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useDate, useLocale, useT } from "../../../platform/ui/i18n";
import { can } from "../domain/policy";
import { REASON_CODES, type ReasonCode, type WeightProblems } from "../domain/weights";
import { currentWeights, publishWeights, WeightsForbiddenError, weightsHistory } from "../use-cases/weights";
import type { Route } from "./+types/weights-page";
import { REASON_HELP, REASON_LABEL } from "./labels";

// Public: how suggestions are ranked is for everyone to read; only officers publish (publishWeights checks).
export const handle = { access: "public" } satisfies RouteHandle;

const fieldId = (code: ReasonCode) => `weight-${code}`;

export async function loader({ context }: Route.LoaderArgs) {
  const { actor, services } = context;
  const [current, versions] = await Promise.all([currentWeights(services.db), weightsHistory({ actor }, services)]);
  return {
    canPublish: can(actor, "matching.weigh"),
    current,
    // Who published is said by role, not by name: the audit trail names the officer to those who may read it.
    versions: versions.map((v) => ({
      version: v.version,
      weights: v.weights,
      note: v.note,
      by: v.publishedBy ? ("secretariat" as const) : ("platform" as const),
      publishedAt: v.publishedAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = Object.fromEntries(REASON_CODES.map((code) => [code, String(form.get(fieldId(code)) ?? "")]));
  const note = String(form.get("note") ?? "");
  try {
    const result = await publishWeights(
      { actor: context.actor, values, note, request: requestFacts(context) },
      context.services,
    );
    if (result.outcome === "invalid") return data({ problems: result.problems, values, note }, { status: 400 });
  } catch (error) {
    if (error instanceof WeightsForbiddenError) throw data(null, { status: 403 });
    throw error;
  }
  throw redirect(`/${context.locale}/secretariat/matching-weights`, {
    headers: { "Set-Cookie": flashCookie("matching.weights.published") },
  });
}

export default function WeightsPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const date = useDate();
  const number = new Intl.NumberFormat(LANGUAGE_TAG[useLocale()], { maximumFractionDigits: 2 });
  const latest = d.versions[0];
  const problems: WeightProblems = actionData?.problems ?? {};
  const problemOf = (code: ReasonCode): FieldProblem | undefined => {
    const problem = problems[code];
    return problem && { key: `matching.weights.error.${problem}`, values: { reason: t(REASON_LABEL[code]) } };
  };
  const errors: Record<string, FieldProblem | undefined> = {
    ...Object.fromEntries(REASON_CODES.map((code) => [fieldId(code), problemOf(code)])),
    all: problems.all && "matching.weights.error.all-zero",
  };
  const weightList = (weights: Record<ReasonCode, number>) => (
    <ul>
      {REASON_CODES.map((code) => (
        <li key={code}>
          {t(REASON_LABEL[code])}: {number.format(weights[code])}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <title>{`${t("matching.weights.title")} · item10`}</title>
      <PageHeading title={t("matching.weights.title")} lead={t("matching.weights.lead")} />

      <section aria-labelledby="current-heading">
        <h2 id="current-heading">
          {latest && latest.version === d.current.version
            ? t("matching.weights.current", { version: latest.version, date: date(latest.publishedAt) })
            : t("matching.weights.defaults")}
        </h2>
        <div className="table-scroll">
          <table>
            <caption>{t("matching.weights.table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("matching.weights.table.reason")}</th>
                <th scope="col">{t("matching.weights.table.meaning")}</th>
                <th scope="col">{t("matching.weights.table.weight")}</th>
              </tr>
            </thead>
            <tbody>
              {REASON_CODES.map((code) => (
                <tr key={code}>
                  <th scope="row">{t(REASON_LABEL[code])}</th>
                  <td>{t(REASON_HELP[code])}</td>
                  <td>{number.format(d.current.weights[code])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {d.canPublish && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("matching.weights.edit")}</h2>
          <p className="hint">{t("matching.weights.editLead")}</p>
          <ErrorSummary
            errors={errors}
            target={(field) => (field === "all" ? `#${fieldId(REASON_CODES[0])}` : `#${field}`)}
          />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            {REASON_CODES.map((code) => {
              const id = fieldId(code);
              const error = problemOf(code);
              return (
                <Field
                  key={code}
                  id={id}
                  label={t("matching.weights.field", { reason: t(REASON_LABEL[code]) })}
                  hint={t(REASON_HELP[code])}
                  error={error}
                >
                  {/* Text, not "number": a browser drops what a number field cannot parse, so the
                      reader would lose what they typed along with the error naming it. */}
                  <input
                    type="text"
                    inputMode="decimal"
                    size={6}
                    defaultValue={actionData?.values[code] ?? String(d.current.weights[code])}
                    {...invalidProps(id, error, true)}
                  />
                </Field>
              );
            })}
            <Field id="note" label={t("matching.weights.note")} hint={t("matching.weights.noteHint")}>
              <textarea
                rows={3}
                maxLength={1000}
                defaultValue={actionData?.note ?? ""}
                {...invalidProps("note", undefined, true)}
              />
            </Field>
            <button type="submit">{t("matching.weights.publish")}</button>
          </form>
        </section>
      )}

      {d.versions.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("matching.weights.history")}</h2>
          <div className="table-scroll">
            <table>
              <caption>{t("matching.weights.history.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("matching.weights.history.version")}</th>
                  <th scope="col">{t("matching.weights.history.published")}</th>
                  <th scope="col">{t("matching.weights.history.by")}</th>
                  <th scope="col">{t("matching.weights.history.note")}</th>
                  <th scope="col">{t("matching.weights.history.weights")}</th>
                </tr>
              </thead>
              <tbody>
                {d.versions.map((v) => (
                  <tr key={v.version}>
                    <th scope="row">{v.version}</th>
                    <td>{date(v.publishedAt)}</td>
                    <td>
                      {t(v.by === "secretariat" ? "matching.weights.by.secretariat" : "matching.weights.by.platform")}
                    </td>
                    {/* The first version's note is written by the platform at start, in English. */}
                    <td lang={v.by === "platform" ? "en" : undefined}>{v.note}</td>
                    <td>
                      <details>
                        <summary>{t("matching.weights.history.show", { version: v.version })}</summary>
                        {weightList(v.weights)}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
