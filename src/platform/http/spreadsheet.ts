import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

export type SpreadsheetFormat = "csv" | "xlsx";

export function isSpreadsheetFormat(value: string | undefined): value is SpreadsheetFormat {
  return value === "csv" || value === "xlsx";
}

/**
 * A download of rows as CSV or XLSX (same rows, same columns), streamed so a large export never
 * sits whole in memory. The CSV starts with a BOM so spreadsheet programs read it as UTF-8, and
 * cells that look like formulas are escaped: exported texts stay texts.
 */
export function spreadsheetResponse(input: {
  format: SpreadsheetFormat;
  /** The file name without extension; today's date is appended. */
  name: string;
  columns: readonly string[];
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>;
}): Response {
  const fileName = `${input.name}-${new Date().toISOString().slice(0, 10)}.${input.format}`;
  const headers = { "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" };
  if (input.format === "csv") {
    const csv = stringify({ header: true, columns: [...input.columns], escape_formulas: true, bom: true });
    (async () => {
      for await (const row of input.rows) if (!csv.write(row)) await new Promise((r) => csv.once("drain", r));
      csv.end();
    })().catch((error) => csv.destroy(error));
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    });
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(input.name.replace(/^item10-/, "").slice(0, 31));
  sheet.addRow([...input.columns]).commit();
  (async () => {
    for await (const row of input.rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
