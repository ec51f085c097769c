import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getUpdateVersion } from "../use-cases/get-update";
import type { Route } from "./+types/update-version-page";
import { linksFor, stateName, themeNamesOf, UpdateFacts, UpdateLinks, UpdateTexts } from "./update-parts";

// Public: 404 unless the update is visible and this version's own tier lets the reader see it.
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const version = /^\d{1,6}$/.test(params.version) ? Number(params.version) : 0;
  const found = await getUpdateVersion({ actor: context.actor, id: params.id, version }, context.services);
  if (!found) throw data(null, { status: 404 });
  const [state, themeNames] = await Promise.all([
    stateName(context.actor, found.update.stateIso3, context.locale, context.services),
    themeNamesOf(context.actor, context.services),
  ]);
  return {
    id: found.update.id,
    state,
    status: found.update.status,
    isCurrent: found.isCurrent,
    content: found.version,
    version: found.version.version,
    publishedAt: found.version.publishedAt.toISOString(),
    themeNames,
    links: linksFor(found, found.version),
  };
}

export default function UpdateVersionPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${d.content.title} · ${t("updates.version", { version: d.version })} · item10`}</title>
      <p>
        <a href={href(`/updates/${d.id}`)}>{t("updates.version.back")}</a>
      </p>
      <header className="page-heading">
        <h1 lang={d.content.language} dir="auto">
          {d.content.title}
        </h1>
        <p className="lead">{t("updates.version", { version: d.version })}</p>
      </header>
      {!d.isCurrent && <p className="notice">{t("updates.version.notCurrent", { version: d.version })}</p>}
      <UpdateFacts
        content={d.content}
        state={d.state}
        status={d.isCurrent ? "published" : d.status}
        publishedAt={d.publishedAt}
        version={d.version}
        themeNames={d.themeNames}
      />
      <UpdateTexts content={d.content} />
      <UpdateLinks recommendations={d.links.recommendations} clusters={d.links.clusters} />
    </>
  );
}
