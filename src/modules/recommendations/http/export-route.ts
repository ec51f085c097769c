import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { isSpreadsheetFormat, spreadsheetResponse } from "../../../platform/http/spreadsheet";
import { parseRecommendationQuery } from "../domain/query";
import { EXPORT_COLUMNS, exportRecommendations } from "../use-cases/export-recommendations";
import type { Route } from "./+types/export-route";

export const handle = { access: "public" } satisfies RouteHandle;

/** The whole result set of a search, streamed as CSV or XLSX (same rows, same columns). */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const format = params.format;
  if (!isSpreadsheetFormat(format)) throw data(null, { status: 404 });
  const { query, errors } = parseRecommendationQuery(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0)
    return new Response(`Invalid: ${Object.keys(errors).join(", ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const rows = exportRecommendations({ actor: context.actor, query }, context.services);
  return spreadsheetResponse({ format, name: "item10-recommendations", columns: EXPORT_COLUMNS, rows });
}
