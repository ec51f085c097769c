import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { CountriesFile, describeFileErrors, MechanismsFile, SdgsFile, ThemesFile } from "../domain/reference-files";
import { compareSdgCodes } from "../domain/sdg";
import {
  affectedPersons,
  countries,
  referenceDatasets,
  sdgGoals,
  sdgIndicators,
  sdgTargets,
  specialProcedures,
  themes,
  treatyBodies,
  uprCycles,
  uprSessions,
} from "../schema";
import { selectDatasetChecksums } from "../store";

export class ReferenceDataError extends Error {}

interface Dataset<S extends z.ZodType> {
  file: string;
  schema: S;
  /** Writes the parsed file inside the caller's transaction; returns the number of rows. */
  write(tx: Db, data: z.infer<S>): Promise<number>;
}

function dataset<S extends z.ZodType>(d: Dataset<S>): Dataset<S> {
  return d;
}

/** `excluded.col`: the incoming value in an upsert. */
const excluded = (column: string) => sql.raw(`excluded."${column}"`);

const DATASETS = [
  dataset({
    file: "countries.json",
    schema: CountriesFile,
    async write(tx, data) {
      await tx
        .insert(countries)
        .values(
          data.countries.map((c) => ({
            iso3: c.iso3,
            iso2: c.iso2,
            m49: c.m49,
            unStatus: c.status,
            regionalGroup: c.group,
            isLdc: c.ldc,
            isLldc: c.lldc,
            isSids: c.sids,
            developmentStatusAsOf: data.asOf.statusDate,
            names: c.names,
            formalNames: c.formalNames,
          })),
        )
        .onConflictDoUpdate({
          target: countries.iso3,
          set: {
            iso2: excluded("iso2"),
            m49: excluded("m49"),
            unStatus: excluded("un_status"),
            regionalGroup: excluded("regional_group"),
            names: excluded("names"),
            formalNames: excluded("formal_names"),
            // A status the secretariat corrected outranks the files it was corrected from.
            isLdc: sql`case when ${countries.developmentStatusSource} = 'secretariat' then ${countries.isLdc} else ${excluded("is_ldc")} end`,
            isLldc: sql`case when ${countries.developmentStatusSource} = 'secretariat' then ${countries.isLldc} else ${excluded("is_lldc")} end`,
            isSids: sql`case when ${countries.developmentStatusSource} = 'secretariat' then ${countries.isSids} else ${excluded("is_sids")} end`,
            developmentStatusAsOf: sql`case when ${countries.developmentStatusSource} = 'secretariat' then ${countries.developmentStatusAsOf} else ${excluded("development_status_as_of")} end`,
            updatedAt: sql`now()`,
          },
        });
      return data.countries.length;
    },
  }),
  dataset({
    file: "sdgs.json",
    schema: SdgsFile,
    async write(tx, data) {
      await tx
        .insert(sdgGoals)
        .values(data.goals.map((g) => ({ code: Number(g.code), short: g.short, title: g.title })))
        .onConflictDoUpdate({ target: sdgGoals.code, set: { short: excluded("short"), title: excluded("title") } });
      const targets = [...data.targets].sort((a, b) => compareSdgCodes(a.code, b.code));
      await tx
        .insert(sdgTargets)
        .values(targets.map((t, position) => ({ code: t.code, goal: Number(t.goal), position, title: t.title })))
        .onConflictDoUpdate({
          target: sdgTargets.code,
          set: { goal: excluded("goal"), position: excluded("position"), title: excluded("title") },
        });
      await tx
        .insert(sdgIndicators)
        .values(data.indicators.map((i, position) => ({ code: i.code, target: i.target, position, title: i.title })))
        .onConflictDoUpdate({
          target: [sdgIndicators.code, sdgIndicators.target],
          set: { position: excluded("position"), title: excluded("title") },
        });
      return data.goals.length + data.targets.length + data.indicators.length;
    },
  }),
  dataset({
    file: "themes.json",
    schema: ThemesFile,
    async write(tx, data) {
      await tx
        .insert(themes)
        .values(
          data.themes.map((t, position) => ({
            code: t.code,
            scheme: t.scheme,
            label: t.label,
            legacyCode: t.legacyCode ?? null,
            position,
          })),
        )
        .onConflictDoUpdate({
          target: themes.code,
          set: {
            scheme: excluded("scheme"),
            label: excluded("label"),
            legacyCode: excluded("legacy_code"),
            position: excluded("position"),
          },
        });
      await tx
        .insert(affectedPersons)
        .values(data.affectedPersons.map((p, position) => ({ code: p.code, label: p.label, position })))
        .onConflictDoUpdate({
          target: affectedPersons.code,
          set: { label: excluded("label"), position: excluded("position") },
        });
      return data.themes.length + data.affectedPersons.length;
    },
  }),
  dataset({
    file: "mechanisms.json",
    schema: MechanismsFile,
    async write(tx, data) {
      await tx
        .insert(uprCycles)
        .values(data.uprCycles)
        .onConflictDoUpdate({
          target: uprCycles.number,
          set: {
            startYear: excluded("start_year"),
            endYear: excluded("end_year"),
            firstSession: excluded("first_session"),
            lastSession: excluded("last_session"),
          },
        });
      await tx
        .insert(uprSessions)
        .values(data.uprSessions)
        .onConflictDoUpdate({
          target: uprSessions.number,
          set: { cycle: excluded("cycle"), month: excluded("month") },
        });
      await tx
        .insert(treatyBodies)
        .values(data.treatyBodies.map((b) => ({ code: b.code, names: b.names, instrument: b.instrument.en })))
        .onConflictDoUpdate({
          target: treatyBodies.code,
          set: { names: excluded("names"), instrument: excluded("instrument") },
        });
      await tx
        .insert(specialProcedures)
        .values(data.specialProcedures.map((p) => ({ ...p, origin: "reference" })))
        .onConflictDoUpdate({
          target: specialProcedures.code,
          set: { kind: excluded("kind"), title: excluded("title") },
          // Mandates the secretariat added are theirs to edit; the files never overwrite them.
          setWhere: sql`${specialProcedures.origin} = 'reference'`,
        });
      return data.uprCycles.length + data.uprSessions.length + data.treatyBodies.length + data.specialProcedures.length;
    },
  }),
];

export interface LoadReport {
  loaded: { file: string; rows: number }[];
  unchanged: string[];
}

/**
 * Brings the database in line with the committed reference files. Idempotent: a file whose
 * checksum matches the last load is skipped, so a restart costs a few milliseconds.
 * Each file loads in its own transaction: all of it or none of it.
 */
export async function loadReferenceData(
  { actor }: { actor: Actor },
  deps: { db: Db; referenceDir: string },
): Promise<LoadReport> {
  if (actor.kind !== "system") throw new ReferenceDataError("Only the platform itself loads reference data files.");
  const known = await selectDatasetChecksums(deps.db);
  const report: LoadReport = { loaded: [], unchanged: [] };
  for (const d of DATASETS) {
    const raw = await readFile(path.join(deps.referenceDir, d.file), "utf8");
    const checksum = createHash("sha256").update(raw).digest("hex");
    if (known.get(d.file) === checksum) {
      report.unchanged.push(d.file);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new ReferenceDataError(`${d.file}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = d.schema.safeParse(json);
    if (!parsed.success) throw new ReferenceDataError(describeFileErrors(d.file, parsed.error));
    const rows = await deps.db.transaction(async (tx) => {
      const n = await d.write(tx as unknown as Db, parsed.data as never);
      await tx
        .insert(referenceDatasets)
        .values({ name: d.file, checksum, rowCount: n })
        .onConflictDoUpdate({
          target: referenceDatasets.name,
          set: { checksum, rowCount: n, loadedAt: sql`now()` },
        });
      return n;
    });
    report.loaded.push({ file: d.file, rows });
  }
  return report;
}
