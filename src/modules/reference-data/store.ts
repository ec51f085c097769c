import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { Country, DevelopmentStatus, RegionalGroup } from "./domain/country";
import type { SdgGoal, SdgGoalWithTargets } from "./domain/sdg";
import { compareSdgCodes } from "./domain/sdg";
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
} from "./schema";

type CountryRow = typeof countries.$inferSelect;

function toCountry(row: CountryRow): Country {
  const statuses: DevelopmentStatus[] = [];
  if (row.isLdc) statuses.push("ldc");
  if (row.isLldc) statuses.push("lldc");
  if (row.isSids) statuses.push("sids");
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    m49: row.m49,
    unStatus: row.unStatus as Country["unStatus"],
    regionalGroup: row.regionalGroup as RegionalGroup | null,
    statuses,
    developmentStatusAsOf: row.developmentStatusAsOf,
    developmentStatusSource: row.developmentStatusSource as Country["developmentStatusSource"],
    names: row.names,
    formalNames: row.formalNames,
  };
}

export async function selectCountries(db: Db): Promise<Country[]> {
  const rows = await db.select().from(countries).orderBy(asc(countries.iso3));
  return rows.map(toCountry);
}

export async function selectCountry(db: Db, iso3: string): Promise<Country | null> {
  const [row] = await db.select().from(countries).where(eq(countries.iso3, iso3));
  return row ? toCountry(row) : null;
}

/** Goals with their targets (and, when asked, indicators), in the framework's order. */
export async function selectSdgTree(
  db: Db,
  options: { goal?: number; withIndicators: boolean },
): Promise<SdgGoalWithTargets[]> {
  const goalFilter = options.goal === undefined ? undefined : eq(sdgGoals.code, options.goal);
  const goals = await db.select().from(sdgGoals).where(goalFilter).orderBy(asc(sdgGoals.code));
  const targetFilter = options.goal === undefined ? undefined : eq(sdgTargets.goal, options.goal);
  const targets = await db.select().from(sdgTargets).where(targetFilter).orderBy(asc(sdgTargets.position));
  const indicators = options.withIndicators
    ? await db
        .select({ code: sdgIndicators.code, target: sdgIndicators.target, title: sdgIndicators.title })
        .from(sdgIndicators)
        .innerJoin(sdgTargets, eq(sdgTargets.code, sdgIndicators.target))
        .where(targetFilter)
        .orderBy(asc(sdgIndicators.position))
    : [];
  return goals.map((goal) => ({
    ...goal,
    targets: targets
      .filter((t) => t.goal === goal.code)
      .sort((a, b) => compareSdgCodes(a.code, b.code))
      .map((t) => ({
        code: t.code,
        goal: t.goal,
        title: t.title,
        indicators: indicators.filter((i) => i.target === t.code),
      })),
  }));
}

export async function countSdgs(db: Db): Promise<{ goals: SdgGoal[]; targetCount: number }> {
  const goals = await db.select().from(sdgGoals);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sdgTargets);
  return { goals, targetCount: Number(row?.n ?? 0) };
}

export async function selectDatasetChecksums(db: Db): Promise<Map<string, string>> {
  const rows = await db.select().from(referenceDatasets);
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

export async function selectThemes(db: Db) {
  return db.select().from(themes).orderBy(asc(themes.position));
}

export async function selectAffectedPersons(db: Db) {
  return db.select().from(affectedPersons).orderBy(asc(affectedPersons.position));
}

export async function selectMechanisms(db: Db) {
  const [cycles, sessions, bodies, procedures] = await Promise.all([
    db.select().from(uprCycles).orderBy(asc(uprCycles.number)),
    db.select().from(uprSessions).orderBy(asc(uprSessions.number)),
    db.select().from(treatyBodies).orderBy(asc(treatyBodies.code)),
    db.select().from(specialProcedures).orderBy(asc(specialProcedures.kind), asc(specialProcedures.title)),
  ]);
  return { cycles, sessions, bodies, procedures };
}
