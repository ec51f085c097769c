import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useLocale, useT } from "../../../platform/ui/i18n";
import { createApiToken, listApiTokens, revokeApiToken } from "../use-cases/api-tokens";
import type { Route } from "./+types/api-tokens-page";

export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const { tokens, organisations } = await listApiTokens({ actor: context.actor }, context.services);
  return {
    organisations,
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      revokedAt: t.revokedAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const field = (k: string) => String(form.get(k) ?? "");
  if (field("intent") === "revoke") {
    const outcome = await revokeApiToken(
      { actor: context.actor, tokenId: field("tokenId"), request: requestFacts(context) },
      context.services,
    );
    if (outcome === "forbidden") throw data(null, { status: 403 });
    return { errors: {}, created: null, revoked: outcome === "revoked" };
  }
  const result = await createApiToken(
    {
      actor: context.actor,
      organisationId: field("organisationId"),
      name: field("name"),
      scope: field("scope"),
      days: Number(field("days")),
      request: requestFacts(context),
    },
    context.services,
  );
  if (result.outcome === "forbidden") throw data(null, { status: 403 });
  if (result.outcome === "invalid")
    return data({ errors: result.errors, created: null, revoked: false }, { status: 400 });
  return { errors: {}, created: result.token, revoked: false };
}

export default function ApiTokensPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const when = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], { dateStyle: "medium" });
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("tokens.title")} · item10`}</title>
      <PageHeading title={t("tokens.title")} lead={t("tokens.lead")} />
      {actionData?.created && (
        <div className="notice" role="status">
          <p>{t("tokens.created")}</p>
          <p>
            <code className="token">{actionData.created}</code>
          </p>
        </div>
      )}
      {loaderData.organisations.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="create" />
            <Field id="organisationId" label={t("invite.organisation")}>
              <select {...invalidProps("organisationId", undefined)}>
                {loaderData.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="name" label={t("tokens.name")} error={errors.name}>
              <input required {...invalidProps("name", errors.name)} />
            </Field>
            <Field id="scope" label={t("tokens.scope")} error={errors.scope}>
              <select defaultValue="read" {...invalidProps("scope", errors.scope)}>
                <option value="read">{t("tokens.scope.read")}</option>
                <option value="read-write">{t("tokens.scope.readWrite")}</option>
              </select>
            </Field>
            <Field id="days" label={t("tokens.days")} error={errors.days}>
              <input
                type="number"
                min={1}
                max={366}
                defaultValue={90}
                required
                {...invalidProps("days", errors.days)}
              />
            </Field>
            <button type="submit">{t("tokens.create")}</button>
          </form>
        </>
      )}
      {loaderData.tokens.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t("tokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("invite.organisation")}</th>
                <th scope="col">{t("tokens.scope")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.status")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.tokens.map((tk) => (
                <tr key={tk.id}>
                  <th scope="row">{tk.name}</th>
                  <td>{tk.organisationName}</td>
                  <td>{tk.scope === "read" ? t("tokens.scope.read") : t("tokens.scope.readWrite")}</td>
                  <td>{when.format(new Date(tk.expiresAt))}</td>
                  <td>
                    {tk.revokedAt ? (
                      t("tokens.revoked")
                    ) : (
                      <form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={tk.id} />
                        <button type="submit" aria-label={t("tokens.revokeNamed", { name: tk.name })}>
                          {t("tokens.revoke")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
