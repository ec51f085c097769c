/**
 * Importing the UPR Info export (60,728 rows) through the use case, against a plain multi-row
 * INSERT of the same rows, parsed beforehand, into the same table (generated tsvector column,
 * GIN and B-tree indexes) in one transaction: what validation, hashing and upsert cost.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { importRecommendations } from "../src/modules/recommendations";
import { contentHash, type RecommendationInput } from "../src/modules/recommendations/domain/recommendation";
import { parseUprInfoRow } from "../src/modules/recommendations/domain/upr-info";
import { listCountries, listVocabularies } from "../src/modules/reference-data";
import { systemActor } from "../src/platform/actor";
import type { Database } from "../src/platform/db/database";
import { driverOf } from "./driver";
import { printTable, ratio, timed, whole } from "./harness";

export const UPR_INFO_DIR = path.resolve(import.meta.dirname, "../../shared/data/upr-info-2008-2017");
export const RECOMMENDATIONS_FILE = path.join(UPR_INFO_DIR, "upr-recommendations-sessions-01-27.csv");
export const PLEDGES_FILE = path.join(UPR_INFO_DIR, "upr-voluntary-pledges-sessions-01-19.csv");

const actor = systemActor("bench");

const COLUMNS = [
  "key",
  "kind",
  "mechanism",
  "body",
  "cycle",
  "session",
  "year",
  "document_symbol",
  "paragraph",
  "state_under_review",
  "recommending_states",
  "text",
  "language",
  "response",
  "action_category",
  "themes",
  "affected_persons",
  "sdgs",
  "source",
  "content_hash",
] as const;
const BATCH = 1_000;

/** The file read and validated once, outside any timing, as the baseline's input. */
async function parseOnce(database: Database, file: string): Promise<unknown[][]> {
  const [countries, vocabularies] = await Promise.all([
    listCountries({ actor, filter: {}, locale: "en" }, { db: database.db }),
    listVocabularies({ actor }, { db: database.db }),
  ]);
  const context = {
    states: new Set(countries.map((c) => c.iso3)),
    uprInfoThemes: new Map(vocabularies.themes.filter((t) => t.scheme === "upr-info").map((t) => [t.label, t.code])),
  };
  const records = parse(await readFile(file, "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const source = `upr-info:${path.basename(file)}`;
  return records.map((record, i) => {
    const { value, problems } = parseUprInfoRow(record, i + 2, context);
    if (!value) throw new Error(`line ${i + 2}: ${JSON.stringify(problems)}`);
    const v: RecommendationInput = value;
    return [
      v.key,
      v.kind,
      v.mechanism,
      v.body,
      v.cycle,
      v.session,
      v.year,
      v.documentSymbol,
      v.paragraph,
      v.stateUnderReview,
      v.recommendingStates,
      v.text,
      v.language,
      v.response,
      v.actionCategory,
      v.themes,
      v.affectedPersons,
      v.sdgs,
      source,
      contentHash(v),
    ];
  });
}

async function plainInsert(database: Database, rows: unknown[][]): Promise<void> {
  await driverOf(database).transaction(async (query) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const tuples = batch.map((_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(", ")})`);
      await query(`insert into recommendations (${COLUMNS.join(", ")}) values ${tuples.join(", ")}`, batch.flat());
    }
  });
}

async function count(database: Database): Promise<number> {
  const [row] = await driverOf(database).query(
    "select count(*)::int, count(*) filter (where search = ''::tsvector)::int from recommendations",
  );
  const [n, empty] = row as [number, number];
  if (empty > 0) throw new Error(`${empty} rows without a search vector`);
  return n;
}

/**
 * Both runs write into the same table of the same database, emptied in between, so the same
 * generated column and indexes are maintained; the database is left with the use case's import
 * (and the pledges, untimed) for the search benchmark.
 */
export async function benchImport(database: Database, label: string): Promise<boolean> {
  const parsing = await timed(() => parseOnce(database, RECOMMENDATIONS_FILE));
  const rows = parsing.value;
  const [indexes] = (await driverOf(database).query(
    "select count(*)::int from pg_indexes where tablename = 'recommendations'",
  )) as [[number]];
  const [generated] = (await driverOf(database).query(
    "select attgenerated from pg_attribute where attrelid = 'recommendations'::regclass and attname = 'search'",
  )) as [[string]];
  if (generated?.[0] !== "s") throw new Error("recommendations.search is not a generated column");

  const baseline = await timed(() => plainInsert(database, rows));
  const baselineRows = await count(database);
  await driverOf(database).query("truncate recommendations cascade");
  const subject = await timed(() =>
    importRecommendations({ actor, file: RECOMMENDATIONS_FILE, skipInvalid: false }, { db: database.db }),
  );
  const subjectRows = await count(database);
  const ok = subject.value.outcome === "imported" && subjectRows === rows.length && baselineRows === rows.length;

  const rate = (n: number, t: number) => (n / t) * 1000;
  printTable(
    `[${label}] import of ${path.basename(RECOMMENDATIONS_FILE)} (${whole(rows.length)} rows) into the same table: generated tsvector, ${indexes[0]} indexes`,
    ["way in", "rows", "seconds", "rows/s", "ratio"],
    [
      [
        "baseline: plain multi-row INSERT of the parsed rows, 1,000 a statement, one transaction",
        whole(baselineRows),
        (baseline.ms / 1000).toFixed(1),
        whole(rate(baselineRows, baseline.ms)),
        ratio(1),
      ],
      [
        "importRecommendations (read, parse, validate, hash, upsert, audit)",
        whole(subjectRows),
        (subject.ms / 1000).toFixed(1),
        whole(rate(subjectRows, subject.ms)),
        ratio(rate(subjectRows, subject.ms) / rate(baselineRows, baseline.ms)),
      ],
      [
        "(for scale: reading, parsing, validating and hashing the file alone, no database)",
        whole(rows.length),
        (parsing.ms / 1000).toFixed(1),
        whole(rate(rows.length, parsing.ms)),
        "",
      ],
    ],
  );
  if (!ok)
    console.log(`FAIL import: ${JSON.stringify({ ...subject.value, problems: subject.value.problems.slice(0, 5) })}`);
  const pledges = await importRecommendations({ actor, file: PLEDGES_FILE, skipInvalid: false }, { db: database.db });
  if (pledges.outcome !== "imported") throw new Error(`pledges not imported: ${pledges.outcome}`);
  return ok;
}
