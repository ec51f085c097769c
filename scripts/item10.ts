/**
 * `npm run item10 -- <command>`: operator commands against the configured database.
 *   import recommendations FILE [--skip-invalid] [--format=upr-info|item10-csv|item10-jsonl]
 *     a UPR Info export, or item10's own format in CSV or JSON Lines (README); gzip allowed
 */
import { IMPORT_FORMATS, type ImportFormat, importRecommendations } from "../src/modules/recommendations";
import { systemActor } from "../src/platform/actor";
import { prepareDatabase } from "../src/platform/boot";
import { ConfigError, loadConfig } from "../src/platform/config";
import { createLogger } from "../src/platform/logger";

const USAGE =
  "usage: npm run item10 -- import recommendations FILE [--skip-invalid] [--format=upr-info|item10-csv|item10-jsonl]";

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith("--") && !a.includes("=")));
  const format = argv.find((a) => a.startsWith("--format="))?.slice("--format=".length);
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    console.error(`--format must be one of ${IMPORT_FORMATS.join(", ")}\n${USAGE}`);
    return 2;
  }
  const [command, what, file] = argv.filter((a) => !a.startsWith("--"));
  if (command !== "import" || what !== "recommendations" || !file) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await prepareDatabase(config, createLogger("warn"));
  try {
    const tty = process.stderr.isTTY;
    const report = await importRecommendations(
      {
        actor: systemActor("cli"),
        file,
        format: format as ImportFormat | undefined,
        skipInvalid: flags.has("--skip-invalid"),
        onProgress: (done, total) => {
          const width = 30;
          const filled = Math.round((done / total) * width);
          const bar = `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`;
          if (tty) process.stderr.write(`\r${bar}`);
          else if (done === total) process.stderr.write(`${bar}\n`);
        },
      },
      { db: database.db },
    );
    if (tty) process.stderr.write("\n");
    for (const w of report.warnings) console.error(`${report.file}: warning: ${w}`);
    for (const p of report.problems.slice(0, 50)) console.error(`${report.file}:${p.line}: ${p.field}: ${p.message}`);
    if (report.problems.length > 50) console.error(`… and ${report.problems.length - 50} more problems`);
    const counts = `${report.rows} rows: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`;
    if (report.outcome === "refused") {
      console.error(`Refused: nothing was imported (${counts}). Fix the rows above, or run again with --skip-invalid.`);
      return 1;
    }
    console.log(report.outcome === "unchanged" ? `Nothing to change (${counts}).` : `Imported (${counts}).`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
