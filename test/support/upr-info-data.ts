import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";

/** The real UPR Info export shipped next to the repository (../shared/data, see its SOURCE.md). */
export const UPR_INFO_CSV = path.resolve(
  import.meta.dirname,
  "../../../shared/data/upr-info-2008-2017/upr-recommendations-sessions-01-27.csv",
);

/** Every row of the export, as column → text. Tests of pure code read the data through here. */
export async function readUprInfoRows(): Promise<Record<string, string>[]> {
  return parse(await readFile(UPR_INFO_CSV, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
}
