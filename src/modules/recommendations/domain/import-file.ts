import { CsvError, parse } from "csv-parse/sync";
import { normaliseHeader } from "./item10-format";
import { type RowProblem, rowProblem } from "./recommendation";
import { UPR_INFO_COLUMNS } from "./upr-info";

export const IMPORT_FORMATS = ["upr-info", "item10-csv", "item10-jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One record of a file with the line it starts on, as the person fixing the file will look for it. */
export interface FileRow {
  line: number;
  record: Record<string, unknown>;
}

export interface ReadFile {
  rows: FileRow[];
  headers: string[];
  /** Problems with the file as a whole (unreadable CSV, a line that is not JSON): the file is refused. */
  problems: RowProblem[];
}

/**
 * Which format a file is in: JSON Lines by its name; a CSV with UPR Info's `sur_iso3` column is
 * a UPR Info export, any other CSV is item10's own format.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "item10-jsonl";
  const end = text.indexOf("\n");
  const header = (end < 0 ? text : text.slice(0, end)).toLowerCase();
  return /(^|,)"?sur_iso3"?(,|$|\r)/.test(header) ? "upr-info" : "item10-csv";
}

function readCsv(text: string, headerOf: (h: string) => string): ReadFile {
  // The headers as written, so that a warning names a column the way the file's author spelled it.
  let written: string[] = [];
  try {
    const parsed = parse(text, {
      columns: (header: string[]) => {
        written = header.map((h) => h.trim());
        return header.map(headerOf);
      },
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return { rows: parsed.map((p) => ({ line: p.info.lines, record: p.record })), headers: written, problems: [] };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    return {
      rows: [],
      headers: [],
      problems: [rowProblem(line, "(file)", "unreadable-csv", { detail: error.message })],
    };
  }
}

function readJsonLines(text: string): ReadFile {
  const rows: FileRow[] = [];
  const problems: RowProblem[] = [];
  const headers = new Set<string>();
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        problems.push(rowProblem(line, "(line)", "invalid-json", { detail: (error as Error).message }));
        return;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push(rowProblem(line, "(line)", "not-json-object"));
        return;
      }
      const record: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        headers.add(k);
        record[normaliseHeader(k)] = v;
      }
      rows.push({ line, record });
    });
  return { rows, headers: [...headers], problems };
}

/** Reads a file's records without judging them: the format's row parser does that. */
export function readImportFile(format: ImportFormat, text: string): ReadFile {
  if (format === "item10-jsonl") return readJsonLines(text);
  if (format === "item10-csv") return readCsv(text, normaliseHeader);
  const file = readCsv(text, (h) => h.trim());
  const missing = UPR_INFO_COLUMNS.filter((c) => !file.headers.includes(c));
  if (file.problems.length === 0 && missing.length > 0)
    file.problems.push(rowProblem(1, missing.join(", "), "missing-upr-info-columns"));
  return file;
}
