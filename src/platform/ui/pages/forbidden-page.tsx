import { data } from "react-router";
import type { RouteHandle } from "../../http/guard";

/** Where the route guard sends a signed-in person whose roles do not open a page: the root boundary says so. */
export const handle = { access: "public" } satisfies RouteHandle;

export function loader() {
  throw data(null, { status: 403 });
}

export default function ForbiddenPage() {
  return null;
}
