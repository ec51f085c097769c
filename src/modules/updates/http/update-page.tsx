import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, Field } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { LIMITS, type Problems } from "../domain/update";
import { getUpdate } from "../use-cases/get-update";
import { publishUpdate } from "../use-cases/publish-update";
import { UpdateForbiddenError } from "../use-cases/shared";
import { withdrawUpdate } from "../use-cases/withdraw-update";
import type { Route } from "./+types/update-page";
import { linksFor, stateName, themeNamesOf, UpdateFacts, UpdateLinks, UpdateTexts, VersionList } from "./update-parts";

// Public: an update answers 404 to whoever its tier (or its draft or withdrawn state) hides it from.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await getUpdate({ actor: context.actor, id: params.id }, context.services);
  if (!found) throw data(null, { status: 404 });
  const { update } = found;
  // Readers get the current version; a draft's own State gets the working copy, marked as such.
  const shown = found.current ?? found.workingCopy!;
  const [state, themeNames] = await Promise.all([
    stateName(context.actor, update.stateIso3, context.locale, context.services),
    themeNamesOf(context.actor, context.services),
  ]);
  return {
    id: update.id,
    state,
    status: update.status,
    isWorkingCopy: found.current === null,
    content: shown,
    version: found.current?.version ?? null,
    publishedAt: found.current?.publishedAt.toISOString() ?? null,
    themeNames,
    links: linksFor(found, shown),
    canEdit: found.canEdit,
    ownState: found.workingCopy !== null,
    hasUnpublishedChanges: found.hasUnpublishedChanges,
    versions: found.versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const input = { actor: context.actor, updateId: params.id, request: requestFacts(context) };
  const forbidden = (error: unknown) => {
    if (error instanceof UpdateForbiddenError) throw data(null, { status: 403 });
    throw error;
  };
  const back = (key: Parameters<typeof flashCookie>[0]) =>
    redirect(`/${context.locale}/updates/${params.id}`, { headers: { "Set-Cookie": flashCookie(key) } });

  if (intent === "publish") {
    const result = await publishUpdate(input, context.services).catch(forbidden);
    if (result.outcome === "not-found") throw data(null, { status: 404 });
    // The only problem publishing finds is an update with no text: named on the button.
    if (result.outcome === "invalid")
      return data({ problems: { publish: result.problems.achievements! } as Problems }, { status: 400 });
    if (result.outcome === "unchanged") throw back("updates.flash.publishUnchanged");
    throw back(result.newVersion ? "updates.flash.published" : "updates.flash.publishedAgain");
  }
  if (intent === "withdraw") {
    const reason = form.get("reason");
    const result = await withdrawUpdate(
      { ...input, reason: typeof reason === "string" ? reason : undefined },
      context.services,
    ).catch(forbidden);
    if (result.outcome === "not-found") throw data(null, { status: 404 });
    if (result.outcome === "invalid") return data({ problems: result.problems }, { status: 400 });
    if (result.outcome === "not-published") throw back("updates.flash.notPublished");
    throw back("updates.flash.withdrawn");
  }
  throw data(null, { status: 400 });
}

export default function UpdatePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems: Problems = actionData?.problems ?? {};
  const canPublish = d.status === "draft" || d.status === "withdrawn" || d.hasUnpublishedChanges;
  return (
    <>
      <title>{`${d.content.title} · item10`}</title>
      <p>
        <a href={href("/updates")}>{t("updates.back")}</a>
      </p>
      <header className="page-heading">
        <h1 lang={d.content.language} dir="auto">
          {d.content.title}
        </h1>
        {d.isWorkingCopy && <p className="lead">{t("updates.workingCopy")}</p>}
      </header>

      {d.ownState && (
        <section aria-labelledby="owner-heading" className="you">
          <h2 id="owner-heading">{t("updates.owner.heading")}</h2>
          <p>
            {d.status === "draft"
              ? t("updates.owner.draft")
              : d.status === "withdrawn"
                ? t("updates.owner.withdrawn")
                : d.hasUnpublishedChanges
                  ? t("updates.owner.unpublished", { version: d.version ?? 0 })
                  : t("updates.owner.published")}
          </p>
          {d.canEdit && (
            <>
              <ErrorSummary errors={problems} />
              <ul className="actions">
                {d.status !== "withdrawn" && (
                  <li>
                    <a href={href(`/updates/${d.id}/edit`)}>{t("updates.edit")}</a>
                  </li>
                )}
                {canPublish && (
                  <li>
                    <form method="post" className="inline">
                      <CsrfField />
                      <input type="hidden" name="intent" value="publish" />
                      <button type="submit" id="publish">
                        {d.status === "withdrawn" ? t("updates.republish") : t("updates.publish")}
                      </button>
                    </form>
                  </li>
                )}
              </ul>
              {d.status === "published" && (
                <form method="post" className="stack" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="withdraw" />
                  <Field
                    id="reason"
                    label={t("updates.withdraw.reason")}
                    hint={t("updates.withdraw.hint")}
                    error={problems.reason}
                  >
                    <textarea
                      id="reason"
                      name="reason"
                      rows={3}
                      maxLength={LIMITS.withdrawalReason}
                      aria-invalid={problems.reason ? true : undefined}
                      aria-describedby={problems.reason ? "reason-hint reason-error" : "reason-hint"}
                    />
                  </Field>
                  <button type="submit" className="danger">
                    {t("updates.withdraw")}
                  </button>
                </form>
              )}
            </>
          )}
        </section>
      )}

      <UpdateFacts
        content={d.content}
        state={d.state}
        status={d.status}
        publishedAt={d.publishedAt}
        version={d.version}
        themeNames={d.themeNames}
      />
      <UpdateTexts content={d.content} />
      <UpdateLinks recommendations={d.links.recommendations} clusters={d.links.clusters} />
      <VersionList id={d.id} versions={d.versions} current={d.status === "published" ? d.version : null} />
    </>
  );
}
