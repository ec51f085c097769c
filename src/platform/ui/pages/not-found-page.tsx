import { data } from "react-router";
import type { RouteHandle } from "../../http/guard";

export const handle = { access: "public" } satisfies RouteHandle;

/** Any path no route claims: answered by the root error boundary, in the reader's language. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFoundPage() {
  return null;
}
