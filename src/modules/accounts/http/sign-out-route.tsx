import { redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { signOut } from "../use-cases/sessions";
import type { Route } from "./+types/sign-out-route";
import { clearedSessionCookie } from "./session-cookie";

/** POST only (a link could be triggered by another site); a GET just goes home. */
export const handle = { access: "public" } satisfies RouteHandle;

export function loader({ context }: Route.LoaderArgs) {
  throw redirect(`/${context.locale}`);
}

export async function action({ context }: Route.ActionArgs) {
  if (context.sessionToken)
    await signOut(
      { actor: context.actor, sessionToken: context.sessionToken, request: requestFacts(context) },
      context.services,
    );
  const headers = new Headers();
  headers.append("Set-Cookie", clearedSessionCookie(context));
  headers.append("Set-Cookie", flashCookie("signOut.done"));
  throw redirect(`/${context.locale}`, { headers });
}
