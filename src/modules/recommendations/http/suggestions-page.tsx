import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { parsePage } from "../../../platform/pagination";
import { ErrorSummary, FieldError, PageHeading, Pagination } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { listCountries, listSdgGoals, listVocabularies } from "../../reference-data";
import { decideSuggestions, type SuggestionRef } from "../use-cases/decide-suggestions";
import { listSuggestions } from "../use-cases/list-suggestions";
import { requestSuggestionRun, type Scheme } from "../use-cases/suggest-classifications";
import type { Route } from "./+types/suggestions-page";

export const handle = { access: { policy: "recommendations.classify" } } satisfies RouteHandle;

const PER_PAGE = 50;
const SCHEMES: Scheme[] = ["theme", "sdg"];
/** A checkbox's value names one suggestion: recommendation, scheme and code (codes hold no "|"). */
const SEPARATOR = "|";

type CodeLabel = { kind: "theme"; text: string } | { kind: "goal"; goal: string; name: string };

function parseScheme(value: string | null): Scheme | null {
  return SCHEMES.find((s) => s === value) ?? null;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const scheme = parseScheme(params.get("scheme"));
  const code = params.get("code")?.trim() || null;
  const page = parsePage(params.get("page"));
  const [result, vocabularies, goals, countries] = await Promise.all([
    listSuggestions(
      { actor: context.actor, filter: { scheme, code }, limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
      context.services,
    ),
    listVocabularies({ actor: context.actor }, context.services),
    listSdgGoals({ actor: context.actor, withIndicators: false }, context.services),
    listCountries({ actor: context.actor, filter: {}, locale: context.locale }, context.services),
  ]);
  if (!result) throw data(null, { status: 403 });
  const themeLabel = new Map(vocabularies.themes.map((t) => [t.code, t.label]));
  const goalName = new Map(goals.map((g) => [String(g.code), g.short[context.locale]]));
  const stateName = new Map(countries.map((c) => [c.iso3, c.names[context.locale]]));
  // Theme labels are UPR Info's and UHRI's own English names; goals have their six official names.
  const label = (s: Scheme, c: string): CodeLabel =>
    s === "theme"
      ? { kind: "theme", text: themeLabel.get(c) ?? c }
      : { kind: "goal", goal: c, name: goalName.get(c) ?? c };
  const byGoal = (a: { code: string }, b: { code: string }) => Number(a.code) - Number(b.code);
  return {
    scheme: scheme ?? "",
    code: code ?? "",
    page,
    pageCount: Math.max(1, Math.ceil(result.total / PER_PAGE)),
    total: result.total,
    codes: SCHEMES.map((s) => ({
      scheme: s,
      options: result.codes
        .filter((c) => c.scheme === s)
        .sort(s === "sdg" ? byGoal : () => 0)
        .map((c) => ({ code: c.code, count: c.count, label: label(s, c.code) })),
    })).filter((g) => g.options.length > 0),
    items: result.items.map((i) => ({
      value: [i.recommendationId, i.scheme, i.code].join(SEPARATOR),
      key: i.key,
      text: i.text,
      language: i.language,
      state: stateName.get(i.stateUnderReview) ?? i.stateUnderReview,
      scheme: i.scheme,
      code: i.code,
      label: label(i.scheme, i.code),
      score: i.score,
    })),
  };
}

function parseSelection(values: FormDataEntryValue[]): SuggestionRef[] {
  const refs: SuggestionRef[] = [];
  for (const value of values) {
    const [recommendationId = "", scheme = null, ...code] = String(value).split(SEPARATOR);
    const s = parseScheme(scheme);
    if (s && /^[0-9a-f-]{36}$/i.test(recommendationId) && code.length > 0)
      refs.push({ recommendationId, scheme: s, code: code.join(SEPARATOR) });
  }
  return refs;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const url = new URL(request.url);
  const back = `/${context.locale}/secretariat/suggestions${url.search}`;
  const intent = String(form.get("intent") ?? "");
  if (intent === "run") {
    const queued = await requestSuggestionRun({ actor: context.actor }, context.services);
    throw redirect(back, {
      headers: { "Set-Cookie": flashCookie(queued ? "suggestions.run.queued" : "suggestions.run.noWorker") },
    });
  }
  const outcome = await decideSuggestions(
    {
      actor: context.actor,
      decision: intent === "accept" ? "accept" : "reject",
      suggestions: parseSelection(form.getAll("suggestion")),
      request: requestFacts(context),
    },
    context.services,
  );
  if (outcome.outcome === "forbidden") throw data(null, { status: 403 });
  if (outcome.outcome === "none-selected")
    return data({ errors: { suggestions: "suggestions.error.noneSelected" } }, { status: 400 });
  throw redirect(back, {
    headers: {
      "Set-Cookie": flashCookie(outcome.decision === "accept" ? "suggestions.accepted" : "suggestions.rejected"),
    },
  });
}

export default function SuggestionsPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const percent = new Intl.NumberFormat(LANGUAGE_TAG[locale], { style: "percent" });
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const labelText = (l: CodeLabel) =>
    l.kind === "goal" ? t("suggestions.goal", { goal: l.goal, name: l.name }) : l.text;
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (d.scheme) p.set("scheme", d.scheme);
    if (d.code) p.set("code", d.code);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return href(`/secretariat/suggestions${s ? `?${s}` : ""}`);
  };
  return (
    <>
      <title>{`${t("suggestions.title")} · item10`}</title>
      <PageHeading title={t("suggestions.title")} lead={t("suggestions.lead")} />
      <ErrorSummary errors={errors} />
      <form className="filters" method="get" action={href("/secretariat/suggestions")}>
        <div className="field">
          <label htmlFor="scheme">{t("suggestions.filter.scheme")}</label>
          <select id="scheme" name="scheme" defaultValue={d.scheme}>
            <option value="">{t("suggestions.filter.anyScheme")}</option>
            {SCHEMES.map((s) => (
              <option key={s} value={s}>
                {t(s === "theme" ? "suggestions.scheme.theme" : "suggestions.scheme.sdg")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="code">{t("suggestions.filter.code")}</label>
          <select id="code" name="code" defaultValue={d.code}>
            <option value="">{t("suggestions.filter.anyCode")}</option>
            {d.codes.map((group) => (
              <optgroup
                key={group.scheme}
                label={t(group.scheme === "theme" ? "suggestions.scheme.theme" : "suggestions.scheme.sdg")}
              >
                {group.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {`${labelText(o.label)} (${o.count})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit">{t("suggestions.filter.apply")}</button>
      </form>
      <p>{t("suggestions.count", { count: d.total })}</p>
      {d.items.length > 0 && (
        <form method="post" noValidate>
          <CsrfField />
          <fieldset
            id="suggestions"
            tabIndex={-1}
            aria-describedby={errors.suggestions ? "suggestions-error" : undefined}
          >
            <legend>{t("suggestions.legend")}</legend>
            <FieldError id="suggestions" error={errors.suggestions} />
            <div className="table-scroll">
              <table>
                <caption>{t("suggestions.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("suggestions.column.select")}</th>
                    <th scope="col">{t("suggestions.column.recommendation")}</th>
                    <th scope="col">{t("suggestions.column.state")}</th>
                    <th scope="col">{t("suggestions.column.suggestion")}</th>
                    <th scope="col">{t("suggestions.column.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i, n) => (
                    <tr key={i.value}>
                      <td>
                        <input type="checkbox" id={`suggestion-${n}`} name="suggestion" value={i.value} />
                        <label htmlFor={`suggestion-${n}`}>
                          <span className="visually-hidden">
                            {t("suggestions.select", { suggestion: labelText(i.label), key: i.key })}
                          </span>
                        </label>
                      </td>
                      <td>
                        <p lang={i.language}>{i.text}</p>
                        <p className="hint">{i.key}</p>
                      </td>
                      <td>{i.state}</td>
                      <td>
                        <span lang={i.label.kind === "theme" ? "en" : undefined}>{labelText(i.label)}</span>
                        <br />
                        <code>{i.code}</code>
                      </td>
                      <td>{percent.format(i.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
          <p className="actions">
            <button type="submit" name="intent" value="accept">
              {t("suggestions.accept")}
            </button>{" "}
            <button type="submit" name="intent" value="reject" className="secondary">
              {t("suggestions.reject")}
            </button>
          </p>
        </form>
      )}
      {/* The list is most confident first and shrinks as the secretariat decides: fifty pages are plenty. */}
      <Pagination page={d.page} pageCount={d.pageCount} hrefFor={query} />
      <section aria-labelledby="run-heading">
        <h2 id="run-heading">{t("suggestions.run.heading")}</h2>
        <p>{t("suggestions.run.lead")}</p>
        <form method="post">
          <CsrfField />
          <button type="submit" name="intent" value="run" className="secondary">
            {t("suggestions.run.submit")}
          </button>
        </form>
      </section>
    </>
  );
}
