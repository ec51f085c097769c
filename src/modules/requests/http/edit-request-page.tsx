import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import { ListSearchForm } from "../../../platform/ui/list-page";
import { searchRecommendations } from "../../recommendations";
import { getRequest } from "../use-cases/get-request";
import { changeRequestRecommendations, RequestForbiddenError, saveRequestDraft } from "../use-cases/save-request";
import type { Route } from "./+types/edit-request-page";
import { formChoices } from "./request-form-loader";
import { RequestFields, readRequestForm, requestValues } from "./request-parts";

export const handle = { access: { policy: "requests.draft" } } satisfies RouteHandle;

const PICKER_SIZE = 20;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const found = await getRequest({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  if (!found.canEdit) throw data(null, { status: 403 });
  const r = found.request;
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const [choices, picked] = await Promise.all([
    formChoices(
      { actor: context.actor, locale: context.locale, stateIso3: r.stateIso3, organisationId: r.organisationId },
      context.services,
    ),
    // The picker lists only what this State received: a request is tied to its own recommendations.
    searchRecommendations(
      {
        actor: context.actor,
        query: { q, stateUnderReview: r.stateIso3, sort: q ? "relevance" : "date", limit: PICKER_SIZE, offset: 0 },
      },
      context.services,
    ),
  ]);
  const linked = new Set(found.recommendations.map((rec) => rec.key));
  return {
    ...choices,
    id: r.id,
    seq: r.seq,
    q,
    saved: { ...r, clusterIds: found.clusters.map((c) => c.id) },
    linked: found.recommendations.map((rec) => ({ id: rec.id, key: rec.key, text: rec.text, language: rec.language })),
    candidates: picked.items
      .filter((i) => !linked.has(i.key))
      .map((i) => ({ key: i.key, text: i.text, language: i.language, year: i.year })),
    candidateTotal: picked.total,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { sent, clusterIds, intent, form } = await readRequestForm(request);
  const facts = requestFacts(context);
  const back = `/${context.locale}/requests/${params.id}`;
  try {
    if (intent === "link" || intent === "unlink") {
      const keys = form.getAll(intent === "link" ? "add" : "remove").map(String);
      const result = await changeRequestRecommendations(
        {
          actor: context.actor,
          id: params.id,
          ...(intent === "link" ? { add: keys } : { remove: keys }),
          request: facts,
        },
        context.services,
      );
      if (result.outcome === "not-found") throw data(null, { status: 404 });
      if (result.outcome === "not-editable") throw data(null, { status: 409 });
      if (result.outcome === "invalid") return data({ problems: result.problems, sent: undefined }, { status: 400 });
      throw redirect(`${back}/edit#recommendations-heading`, {
        headers: { "Set-Cookie": flashCookie("requests.flash.linked") },
      });
    }
    const result = await saveRequestDraft(
      { actor: context.actor, id: params.id, form: sent, clusterIds, request: facts },
      context.services,
    );
    if (result.outcome === "not-found") throw data(null, { status: 404 });
    if (result.outcome === "not-editable") throw data(null, { status: 409 });
    if (result.outcome === "invalid")
      return data({ problems: result.problems, sent: { ...sent, clusterIds } }, { status: 400 });
    throw redirect(back, { headers: { "Set-Cookie": flashCookie("requests.flash.saved") } });
  } catch (error) {
    if (error instanceof RequestForbiddenError) {
      // A request the reader may not even see answers as if it did not exist.
      const visible = await getRequest({ actor: context.actor, id: params.id }, context.services);
      throw data(null, { status: visible ? 403 : 404 });
    }
    throw error;
  }
}

export default function EditRequestPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const problems = actionData?.problems ?? {};
  return (
    <>
      <title>{`${t("requests.editTitle", { number: d.seq })} · item10`}</title>
      <p>
        <a href={href(`/requests/${d.id}`)}>{t("requests.backToRequest")}</a>
      </p>
      <PageHeading title={t("requests.editTitle", { number: d.seq })} />
      <ErrorSummary errors={problems} />

      {/* The error summary's "link a recommendation" lands here, linked ones or not. */}
      <section id="recommendations" tabIndex={-1} aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">{t("requests.detail.serves")}</h2>
        {d.linked.length === 0 ? (
          <p>{t("requests.picker.none")}</p>
        ) : (
          <form method="post" className="stack">
            <CsrfField />
            <fieldset className="field">
              <legend>{t("requests.picker.linked", { count: d.linked.length })}</legend>
              {d.linked.map((rec, i) => (
                <div key={rec.key}>
                  <label htmlFor={`remove-${i}`}>
                    <input type="checkbox" id={`remove-${i}`} name="remove" value={rec.id} />{" "}
                    {t("requests.picker.remove")}: <span lang={rec.language}>{rec.text}</span>
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" name="intent" value="unlink">
              {t("requests.picker.removeSelected")}
            </button>
          </form>
        )}
        <ListSearchForm
          path={`/requests/${d.id}/edit`}
          params={{ q: d.q }}
          label={t("requests.picker.search")}
          hint={t("requests.picker.searchHint")}
        />
        {d.candidates.length === 0 ? (
          <p>{t("requests.picker.noCandidates")}</p>
        ) : (
          <form method="post" className="stack">
            <CsrfField />
            <fieldset className="field">
              <legend>{t("requests.picker.candidates", { count: d.candidateTotal })}</legend>
              {d.candidates.map((rec, i) => (
                <div key={rec.key}>
                  <label htmlFor={`add-${i}`}>
                    <input type="checkbox" id={`add-${i}`} name="add" value={rec.key} />{" "}
                    <span lang={rec.language}>{rec.text}</span> ({rec.year ?? "—"})
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" name="intent" value="link">
              {t("requests.picker.addSelected")}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t("requests.detail.fields")}</h2>
        <form method="post" className="stack" noValidate>
          <CsrfField />
          <RequestFields
            values={requestValues(actionData?.sent, d.saved, locale)}
            problems={problems}
            themes={d.themes}
            goals={d.goals}
            clusters={d.clusters}
          />
          <button type="submit" name="intent" value="save">
            {t("requests.save")}
          </button>
        </form>
      </section>
    </>
  );
}
