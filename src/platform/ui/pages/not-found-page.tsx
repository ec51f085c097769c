import { data } from "react-router";

/** Any path no route claims: answered by the root error boundary, in the reader's language. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFoundPage() {
  return null;
}
