import { data, redirect } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts, routeHeaders } from "../../../platform/http/load-context";
import { ErrorSummary, Field, invalidProps, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { acceptInvitation, findOpenInvitation } from "../use-cases/invitations";
import { signIn } from "../use-cases/sessions";
import type { Route } from "./+types/join-page";
import { ROLE_LABEL } from "./labels";
import { sessionCookie } from "./session-cookie";

export const handle = { access: "public" } satisfies RouteHandle;
export const headers = routeHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const invitation = await findOpenInvitation(params.token, context.services);
  if (!invitation) throw data(null, { status: 404 });
  const signedInAs = context.actor.kind === "user" ? context.actor.userId : null;
  return {
    organisationName: invitation.organisationName,
    role: invitation.role,
    email: invitation.email,
    hasAccount: invitation.hasAccount,
    signedIn: signedInAs !== null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const displayName = String(form.get("displayName") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await acceptInvitation(
    { actor: context.actor, token: params.token, displayName, password, request: requestFacts(context) },
    context.services,
  );
  if (result.outcome === "invalid") return data({ errors: result.errors, displayName }, { status: 400 });
  if (result.outcome === "expired") throw data(null, { status: 404 });
  if (result.outcome === "sign-in-first")
    throw redirect(`/${context.locale}/sign-in?next=${encodeURIComponent(`/${context.locale}/join/${params.token}`)}`);
  if (!result.createdAccount) throw redirect(`/${context.locale}`);
  // A new member is signed in straight away with the password just chosen.
  const session = await signIn({ email: result.email, password, request: requestFacts(context) }, context.services);
  const headers =
    session.outcome === "signed-in" ? { "Set-Cookie": sessionCookie(context, session.sessionToken) } : undefined;
  throw redirect(`/${context.locale}`, { headers });
}

export default function JoinPage({ loaderData: inv, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("join.title")} · item10`}</title>
      <PageHeading
        title={t("join.title")}
        lead={t("join.lead", { organisation: inv.organisationName, role: t(ROLE_LABEL[inv.role]) })}
      />
      <ErrorSummary errors={errors} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <p>{t("join.email", { email: inv.email })}</p>
        {inv.hasAccount ? (
          inv.signedIn ? (
            <button type="submit">{t("join.accept")}</button>
          ) : (
            <p>
              <a href={href(`/sign-in`)}>{t("join.signInFirst")}</a>
            </p>
          )
        ) : (
          <>
            <Field id="displayName" label={t("join.displayName")} error={errors.displayName}>
              <input
                autoComplete="name"
                required
                defaultValue={actionData?.displayName ?? ""}
                {...invalidProps("displayName", errors.displayName)}
              />
            </Field>
            <Field id="password" label={t("join.password")} hint={t("password.rules")} error={errors.password}>
              <input
                type="password"
                autoComplete="new-password"
                required
                {...invalidProps("password", errors.password, true)}
              />
            </Field>
            <button type="submit">{t("join.create")}</button>
          </>
        )}
      </form>
    </>
  );
}
