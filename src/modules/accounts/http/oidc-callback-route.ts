import { redirect } from "react-router";
import { cookieHeader } from "../../../platform/http/cookies";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { readCookie } from "../../../platform/i18n/negotiate";
import { finishOidcSignIn, OIDC_FLOW_COOKIE } from "../use-cases/sign-in-with-oidc";
import type { Route } from "./+types/oidc-callback-route";
import { sessionCookie } from "./session-cookie";

/**
 * Where the OpenID provider sends the browser back (`PUBLIC_URL/sign-in/oidc/callback`).
 * A GET, as the provider redirects; it is safe from cross-site use because nothing happens
 * unless the signed flow cookie this browser received at the start matches the response.
 */
export const handle = { access: "public" } satisfies RouteHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.services.config.oidc) return new Response("Not Found", { status: 404 });
  const result = await finishOidcSignIn(
    {
      search: new URL(request.url).search,
      flowCookie: readCookie(request.headers.get("cookie"), OIDC_FLOW_COOKIE),
      previousSessionToken: context.sessionToken,
      request: requestFacts(context),
    },
    context.services,
  );
  // The flow cookie is spent whatever happened: one response per flow.
  const headers = new Headers();
  headers.append("Set-Cookie", cookieHeader(OIDC_FLOW_COOKIE, "", { secure: context.secureCookies, maxAgeSeconds: 0 }));
  if (result.outcome === "failed") {
    context.services.logger.warn({ reason: result.reason, requestId: context.requestId }, "single sign-on failed");
    return redirect(`/${context.locale}/sign-in?error=oidc`, { headers });
  }
  if (result.outcome === "unknown-identity")
    return redirect(`/${context.locale}/sign-in?error=oidc-unknown`, { headers });
  headers.append("Set-Cookie", sessionCookie(context, result.sessionToken));
  if (result.outcome === "second-factor")
    return redirect(`/${context.locale}/sign-in/second-factor?next=${encodeURIComponent(result.next)}`, { headers });
  return redirect(result.next, { headers });
}
