import { redirect } from "react-router";
import { cookieHeader } from "../../../platform/http/cookies";
import type { RouteHandle } from "../../../platform/http/guard";
import { type RequestContext, safeNext } from "../../../platform/http/load-context";
import { OIDC_FLOW_COOKIE, OIDC_FLOW_MAX_AGE_SECONDS, startOidcSignIn } from "../use-cases/sign-in-with-oidc";
import type { Route } from "./+types/oidc-sign-in-route";

/**
 * Sends the browser to the OpenID provider. The sign-in page posts here (its button); a GET does
 * the same, so a plain link can start single sign-on too — neither signs anyone in by itself.
 * Without single sign-on configured there is nothing here: 404.
 */
export const handle = { access: "public" } satisfies RouteHandle;

async function start(context: RequestContext, next: string | null): Promise<Response> {
  if (!context.services.config.oidc) return new Response("Not Found", { status: 404 });
  const target = safeNext(next, `/${context.locale}`);
  try {
    const { authorizationUrl, flowCookie } = await startOidcSignIn({ next: target }, context.services);
    const headers = {
      "Set-Cookie": cookieHeader(OIDC_FLOW_COOKIE, flowCookie, {
        secure: context.secureCookies,
        maxAgeSeconds: OIDC_FLOW_MAX_AGE_SECONDS,
      }),
    };
    return redirect(authorizationUrl, { status: 303, headers });
  } catch (error) {
    // The provider could not be reached or described itself wrongly: say so on the sign-in page.
    context.services.logger.warn({ err: error, requestId: context.requestId }, "single sign-on could not start");
    return redirect(`/${context.locale}/sign-in?error=oidc`, 303);
  }
}

export function loader({ request, context }: Route.LoaderArgs) {
  return start(context, new URL(request.url).searchParams.get("next"));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  return start(context, String(form.get("next") ?? ""));
}
