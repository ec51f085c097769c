import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ENDONYM, LOCALES } from "../../../platform/i18n/locales";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getAccountOverview } from "../use-cases/get-account-overview";
import { signOutEverywhere } from "../use-cases/sessions";
import { updateProfile } from "../use-cases/update-profile";
import type { Route } from "./+types/account-page";
import { ORGANISATION_KIND_LABEL, ROLE_LABEL } from "./labels";
import { clearedSessionCookie } from "./session-cookie";

export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  return getAccountOverview({ actor: context.actor }, context.services);
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "profile") {
    const result = await updateProfile(
      {
        actor: context.actor,
        displayName: String(form.get("displayName") ?? ""),
        locale: String(form.get("locale") ?? ""),
        request: requestFacts(context),
      },
      context.services,
    );
    if (result.outcome === "invalid") return data({ errors: result.errors }, { status: 400 });
    throw redirect(`/${context.locale}/account`, { headers: { "Set-Cookie": flashCookie("profile.saved") } });
  }
  await signOutEverywhere({ actor: context.actor, request: requestFacts(context) }, context.services);
  const headers = new Headers();
  headers.append("Set-Cookie", clearedSessionCookie(context));
  headers.append("Set-Cookie", flashCookie("account.signedOutEverywhere"));
  throw redirect(`/${context.locale}/sign-in`, { headers });
}

export default function AccountPage({ loaderData: me, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("account.title")} · item10`}</title>
      <PageHeading title={me.displayName} lead={me.email} />
      <h2>{t("profile.heading")}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="profile" />
        <Field id="displayName" label={t("join.displayName")} error={errors.displayName}>
          <input
            autoComplete="name"
            defaultValue={me.displayName}
            {...invalidProps("displayName", errors.displayName)}
          />
        </Field>
        <Field id="locale" label={t("profile.language")} error={errors.locale}>
          <select defaultValue={me.locale} {...invalidProps("locale", errors.locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {ENDONYM[l]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t("profile.save")}</button>
      </form>
      <h2>{t("account.memberships")}</h2>
      <table>
        <caption>{t("account.membershipsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("account.organisation")}</th>
            <th scope="col">{t("account.organisationKind")}</th>
            <th scope="col">{t("account.role")}</th>
          </tr>
        </thead>
        <tbody>
          {me.memberships.map((m) => (
            <tr key={`${m.organisationId}-${m.role}`}>
              <th scope="row">{m.organisationName}</th>
              <td>{t(ORGANISATION_KIND_LABEL[m.organisationKind])}</td>
              <td>{t(ROLE_LABEL[m.role])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("account.security")}</h2>
      <p>
        {me.secondFactorEnabled
          ? t("account.secondFactorOn", { codes: me.recoveryCodesLeft })
          : t("account.secondFactorOff")}{" "}
        <a href={href("/account/security")}>{t("account.manageSecondFactor")}</a>
      </p>
      <ul className="actions">
        <li>
          <a href={href("/invitations/new")}>{t("account.invite")}</a>
        </li>
        <li>
          <a href={href("/account/api-tokens")}>{t("account.apiTokens")}</a>
        </li>
        <li>
          <a href={href("/account/data.json")} download>
            {t("account.downloadData")}
          </a>
        </li>
        <li>
          <a href={href("/account/close")}>{t("account.close")}</a>
        </li>
      </ul>
      <form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <p>{t("account.signOutEverywhereHint")}</p>
        <button type="submit">{t("account.signOutEverywhere")}</button>
      </form>
    </>
  );
}
