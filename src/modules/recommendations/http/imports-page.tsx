import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { MessageKey } from "../../../platform/i18n/messages";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { IMPORT_FORMATS, type ImportFormat } from "../domain/import-file";
import { isProblemCode, problemMessageKey } from "../domain/recommendation";
import { type ImportStatus, listImportRuns, MAX_UPLOAD_BYTES, queueUpload } from "../use-cases/import-runs";
import type { Route } from "./+types/imports-page";

export const handle = { access: { policy: "recommendations.import" } } satisfies RouteHandle;

const STATUS_LABEL: Record<ImportStatus, MessageKey> = {
  queued: "import.status.queued",
  running: "import.status.running",
  imported: "import.status.imported",
  unchanged: "import.status.unchanged",
  refused: "import.status.refused",
  failed: "import.status.failed",
};

const FORMAT_LABEL: Record<ImportFormat, MessageKey> = {
  "upr-info": "import.format.upr-info",
  "item10-csv": "import.format.item10-csv",
  "item10-jsonl": "import.format.item10-jsonl",
};

export async function loader({ context }: Route.LoaderArgs) {
  return { runs: await listImportRuns({ actor: context.actor }, context.services) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const file = form.get("file");
  const format = String(form.get("format") ?? "");
  const errors: Record<string, string> = {};
  if (!(file instanceof File) || file.size === 0) errors.file = "import.error.noFile";
  else if (file.size > MAX_UPLOAD_BYTES) errors.file = "import.error.tooLarge";
  if (format && !(IMPORT_FORMATS as readonly string[]).includes(format)) errors.format = "import.error.format";
  if (Object.keys(errors).length > 0 || !(file instanceof File))
    return data({ errors, format, skipInvalid: form.has("skipInvalid") }, { status: 400 });
  await queueUpload(
    {
      actor: context.actor,
      name: file.name,
      text: await file.text(),
      format: (format || undefined) as ImportFormat | undefined,
      skipInvalid: form.has("skipInvalid"),
      request: requestFacts(context),
    },
    context.services,
  );
  throw redirect(`/${context.locale}/secretariat/imports`, { headers: { "Set-Cookie": flashCookie("import.queued") } });
}

export default function ImportsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const active = loaderData.runs.some((r) => r.status === "queued" || r.status === "running");
  return (
    <>
      <title>{`${t("import.title")} · item10`}</title>
      <PageHeading title={t("import.title")} lead={t("import.lead")} />
      <ErrorSummary errors={errors} />
      <form method="post" encType="multipart/form-data" className="stack" noValidate>
        <CsrfField />
        <Field id="file" label={t("import.file")} hint={t("import.fileHint")} error={errors.file}>
          <input type="file" accept=".csv,.jsonl,.ndjson,text/csv" required {...invalidProps("file", errors.file)} />
        </Field>
        <Field id="format" label={t("import.format")} error={errors.format}>
          <select defaultValue={actionData?.format ?? ""} {...invalidProps("format", errors.format)}>
            <option value="">{t("import.format.detect")}</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="skipInvalid" name="skipInvalid" defaultChecked={actionData?.skipInvalid} />
          <label htmlFor="skipInvalid">{t("import.skipInvalid")}</label>
        </div>
        <button type="submit">{t("import.submit")}</button>
      </form>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t("import.runs")}</h2>
        {active && (
          <p>
            <a href={href("/secretariat/imports")}>{t("import.refresh")}</a>
          </p>
        )}
        {loaderData.runs.length === 0 ? (
          <p>{t("import.none")}</p>
        ) : (
          <ol className="import-runs">
            {loaderData.runs.map((run) => (
              <li key={run.id}>
                <h3>{run.fileName}</h3>
                <p className="hint">
                  {t(FORMAT_LABEL[run.format as ImportFormat] ?? "import.format.detect")} ·{" "}
                  {when.format(new Date(run.createdAt))}
                  {run.skipInvalid && ` · ${t("import.skippingInvalid")}`}
                </p>
                <p>
                  <strong>{t(STATUS_LABEL[run.status])}</strong>
                  {run.status === "running" && run.total > 0 && (
                    <>
                      {" "}
                      <progress value={run.done} max={run.total} aria-label={t("import.progressLabel")} />{" "}
                      {t("import.progress", { done: run.done, total: run.total })}
                    </>
                  )}
                </p>
                {run.report && (
                  <>
                    <p>
                      {t("import.counts", {
                        rows: run.report.rows,
                        created: run.report.created,
                        updated: run.report.updated,
                        unchanged: run.report.unchanged,
                        rejected: run.report.rejected,
                      })}
                    </p>
                    {run.report.warnings.length > 0 && (
                      <ul lang="en">
                        {run.report.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    )}
                    {run.report.problems.length > 0 && (
                      <details open={run.status === "refused"}>
                        <summary>{t("import.problems", { count: run.report.problemCount })}</summary>
                        <table>
                          <caption className="visually-hidden">
                            {t("import.problemsCaption", { file: run.fileName })}
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">{t("import.line")}</th>
                              <th scope="col">{t("import.field")}</th>
                              <th scope="col">{t("import.problem")}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {run.report.problems.map((p) => (
                              <tr key={`${p.line}-${p.field}-${p.message}`}>
                                <td>{number.format(p.line)}</td>
                                <td>
                                  <code>{p.field}</code>
                                </td>
                                {isProblemCode(p.code) ? (
                                  <td>{t(problemMessageKey(p.code), p.values)}</td>
                                ) : (
                                  // A run from before problems had codes kept only the English wording.
                                  <td lang="en">{p.message}</td>
                                )}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                        {run.report.problemCount > run.report.problems.length && (
                          <p>
                            {t("import.moreProblems", { count: run.report.problemCount - run.report.problems.length })}
                          </p>
                        )}
                      </details>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
