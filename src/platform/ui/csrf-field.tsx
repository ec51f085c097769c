import { useRouteLoaderData } from "react-router";
import { CSRF_FIELD } from "../http/cookies";

/** The hidden token every state-changing form carries (see platform/http/csrf.ts). */
export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={CSRF_FIELD} value={root?.csrfToken ?? ""} />;
}
