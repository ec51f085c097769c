import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { data } from "react-router";
import type { RouteHandle } from "../../../platform/http/guard";
import { parseRecommendationQuery } from "../domain/query";
import { EXPORT_COLUMNS, exportRecommendations } from "../use-cases/export-recommendations";
import type { Route } from "./+types/export-route";

export const handle = { access: "public" } satisfies RouteHandle;

/** The whole result set of a search, streamed as CSV or XLSX (same rows, same columns). */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const format = params.format;
  if (format !== "csv" && format !== "xlsx") throw data(null, { status: 404 });
  const { query, errors } = parseRecommendationQuery(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0)
    return new Response(`Invalid: ${Object.keys(errors).join(", ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const rows = exportRecommendations({ actor: context.actor, query }, context.services);
  const name = `item10-recommendations-${new Date().toISOString().slice(0, 10)}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" };

  if (format === "csv") {
    // A BOM so spreadsheet programs read the file as UTF-8; formulas escaped, texts stay texts.
    const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], escape_formulas: true, bom: true });
    (async () => {
      for await (const row of rows) if (!csv.write(row)) await new Promise((r) => csv.once("drain", r));
      csv.end();
    })().catch((error) => csv.destroy(error));
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    });
  }

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("recommendations");
  sheet.addRow([...EXPORT_COLUMNS]).commit();
  (async () => {
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
