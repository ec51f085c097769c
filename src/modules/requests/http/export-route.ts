import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { isSpreadsheetFormat, spreadsheetResponse } from "../../../platform/http/spreadsheet";
import { parseRequestFilter } from "../domain/filter";
import { EXPORT_COLUMNS, exportRequests } from "../use-cases/search-requests";
import type { Route } from "./+types/export-route";

// Public: the rows are the list's, filtered by the reader's visibility inside the use case.
export const handle = { access: "public" } satisfies RouteHandle;

/** The request list with its filters, every page, as CSV or XLSX. */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const format = params.format;
  if (!isSpreadsheetFormat(format)) throw data(null, { status: 404 });
  const { filter, errors } = parseRequestFilter(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0)
    return new Response(`Invalid: ${Object.keys(errors).join(", ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const baseUrl = `${context.services.config.publicUrl.replace(/\/$/, "")}/${context.locale}`;
  const rows = exportRequests({ actor: context.actor, filter, baseUrl }, context.services);
  return spreadsheetResponse({ format, name: "item10-requests", columns: EXPORT_COLUMNS, rows });
}
