import { renderToString } from "react-dom/server";
import type { EntryContext } from "react-router";
import { ServerRouter } from "react-router";

/**
 * Pages are rendered whole on the server and sent without client JavaScript (decision 004):
 * they stay light on slow connections and work with scripts off. No streaming is needed,
 * because every loader resolves before render.
 */
export default function handleRequest(request: Request, status: number, headers: Headers, routerContext: EntryContext) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status, headers });
  const html = renderToString(<ServerRouter context={routerContext} url={request.url} />);
  return new Response(`<!DOCTYPE html>${html}`, { status, headers });
}
