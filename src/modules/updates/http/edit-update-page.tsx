import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import type { MessageKey } from "../../../platform/i18n/messages";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { ListSearchForm } from "../../../platform/ui/list-page";
import { recommendationSummaries, searchRecommendations } from "../../recommendations";
import type { Problems } from "../domain/update";
import { getUpdate } from "../use-cases/get-update";
import { publishUpdate } from "../use-cases/publish-update";
import { changeRecommendationLinks, saveUpdateDraft } from "../use-cases/save-update-draft";
import { UpdateForbiddenError } from "../use-cases/shared";
import type { Route } from "./+types/edit-update-page";
import { formChoices, postedForm, type ShownRecommendation, UpdateFields, valuesOf } from "./update-parts";

// A State's focal points; the loader then refuses anyone but the owning organisation's.
export const handle = { access: { policy: "updates.write" } } satisfies RouteHandle;

const PICKER_SIZE = 20;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const found = await getUpdate({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  if (!found.canEdit) throw data(null, { status: 403 });
  if (found.update.status === "withdrawn")
    throw redirect(`/${context.locale}/updates/${found.update.id}`, {
      headers: { "Set-Cookie": flashCookie("updates.flash.notEditable") },
    });
  const workingCopy = found.workingCopy!;
  const state = found.update.stateIso3;
  const rq = (new URL(request.url).searchParams.get("rq") ?? "").trim().slice(0, 200);
  // The picker: this State's recommendations matching the words, and the one whose key was typed.
  const [choices, matches, byKey] = await Promise.all([
    formChoices(context.actor, context.locale, [state], context.services),
    rq
      ? searchRecommendations(
          {
            actor: context.actor,
            query: { q: rq, stateUnderReview: state, sort: "relevance", limit: PICKER_SIZE, offset: 0 },
          },
          context.services,
        )
      : null,
    rq ? recommendationSummaries({ actor: context.actor, keys: [rq] }, context.services) : [],
  ]);
  const results: (ShownRecommendation & { linked: boolean })[] = [];
  for (const r of [...byKey.filter((r) => r.stateUnderReview === state), ...(matches?.items ?? [])])
    if (!results.some((x) => x.id === r.id))
      results.push({
        id: r.id,
        key: r.key,
        text: r.text,
        language: r.language,
        linked: workingCopy.recommendationIds.includes(r.id),
      });
  return {
    id: found.update.id,
    workingCopy,
    choices,
    rq,
    total: rq ? Math.max(matches?.total ?? 0, results.length) : 0,
    results,
    linked: workingCopy.recommendationIds.flatMap((id): ShownRecommendation[] => {
      const r = found.recommendations.get(id);
      return r ? [{ id, key: r.key, text: r.text, language: r.language }] : [];
    }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, form, fields } = await postedForm(request);
  const url = new URL(request.url);
  const facts = requestFacts(context);
  const forbidden = (error: unknown) => {
    if (error instanceof UpdateForbiddenError) throw data(null, { status: 403 });
    throw error;
  };
  const to = (path: string, key: MessageKey) => redirect(path, { headers: { "Set-Cookie": flashCookie(key) } });
  const updatePage = `/${context.locale}/updates/${params.id}`;

  if (intent === "link" || intent === "unlink") {
    const id = fields.get("recommendationId");
    const ids = typeof id === "string" ? [id] : [];
    const result = await changeRecommendationLinks(
      {
        actor: context.actor,
        updateId: params.id,
        ...(intent === "link" ? { add: ids } : { remove: ids }),
        request: facts,
      },
      context.services,
    ).catch(forbidden);
    if (result.outcome === "not-found") throw data(null, { status: 404 });
    if (result.outcome === "not-editable") throw to(updatePage, "updates.flash.notEditable");
    if (result.outcome === "invalid") return data({ problems: result.problems, form: undefined }, { status: 400 });
    throw to(`${url.pathname}${url.search}`, intent === "link" ? "updates.flash.linked" : "updates.flash.unlinked");
  }

  const saved = await saveUpdateDraft(
    { actor: context.actor, updateId: params.id, form, request: facts },
    context.services,
  ).catch(forbidden);
  if (saved.outcome === "not-found") throw data(null, { status: 404 });
  if (saved.outcome === "not-editable") throw to(updatePage, "updates.flash.notEditable");
  if (saved.outcome === "invalid") return data({ problems: saved.problems, form }, { status: 400 });
  if (intent !== "publish")
    throw to(updatePage, saved.outcome === "saved" ? "updates.flash.saved" : "updates.flash.unchanged");
  const published = await publishUpdate(
    { actor: context.actor, updateId: params.id, request: facts },
    context.services,
  ).catch(forbidden);
  if (published.outcome === "not-found") throw data(null, { status: 404 });
  if (published.outcome === "invalid") return data({ problems: published.problems, form }, { status: 400 });
  if (published.outcome === "unchanged") throw to(updatePage, "updates.flash.publishUnchanged");
  throw to(updatePage, "updates.flash.published");
}

export default function EditUpdatePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems: Problems = actionData?.problems ?? {};
  const values = valuesOf(actionData?.form, d.workingCopy);
  const here = `/updates/${d.id}/edit`;
  return (
    <>
      <title>{`${t("updates.edit.heading")} · item10`}</title>
      <p>
        <a href={href(`/updates/${d.id}`)}>{t("updates.edit.back")}</a>
      </p>
      <PageHeading
        title={t("updates.edit.heading")}
        lead={
          <span lang={d.workingCopy.language} dir="auto">
            {d.workingCopy.title}
          </span>
        }
      />
      <p>{t("updates.edit.lead")}</p>
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <UpdateFields values={values} problems={problems} choices={d.choices} />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t("updates.save")}
          </button>
          <button type="submit" name="intent" value="publish" className="secondary">
            {t("updates.saveAndPublish")}
          </button>
        </div>
      </form>

      <section aria-labelledby="picker-heading" id="recommendationIds">
        <h2 id="picker-heading">{t("updates.picker.heading")}</h2>
        <p className="hint">{t("updates.picker.lead")}</p>
        {d.linked.length === 0 ? (
          <p>{t("updates.recommendations.none")}</p>
        ) : (
          <ul className="result-list">
            {d.linked.map((r) => (
              <li key={r.id}>
                <p lang={r.language}>{r.text}</p>
                <form method="post" className="inline">
                  <CsrfField />
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="recommendationId" value={r.id} />
                  <a href={href(`/recommendations/${encodeURIComponent(r.key)}`)}>{r.key}</a>{" "}
                  <button type="submit" className="secondary">
                    {t("updates.picker.remove")}
                    <span className="visually-hidden"> {r.key}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}

        <ListSearchForm
          path={here}
          params={{ rq: d.rq }}
          name="rq"
          label={t("updates.picker.search")}
          hint={t("updates.picker.searchHint")}
          submit={t("updates.picker.submit")}
        />
        {d.rq && (
          <>
            <p role="status">{t("updates.picker.results", { count: d.total })}</p>
            <ul className="result-list">
              {d.results.map((r) => (
                <li key={r.id}>
                  <p lang={r.language}>{r.text}</p>
                  {r.linked ? (
                    <p className="hint">
                      {r.key} · {t("updates.picker.linked")}
                    </p>
                  ) : (
                    <form method="post" className="inline">
                      <CsrfField />
                      <input type="hidden" name="intent" value="link" />
                      <input type="hidden" name="recommendationId" value={r.id} />
                      <a href={href(`/recommendations/${encodeURIComponent(r.key)}`)}>{r.key}</a>{" "}
                      <button type="submit">
                        {t("updates.picker.add")}
                        <span className="visually-hidden"> {r.key}</span>
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
