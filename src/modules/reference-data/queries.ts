import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { countries } from "./schema";

/**
 * SQL for modules that group or filter by a State's regional group: they use these instead of
 * reaching into this module's tables, so the tables stay this module's to change.
 */
export function regionalGroupOf(iso3: SQL | AnyPgColumn): SQL<string | null> {
  // Cast to the key's own type: compared as text, the key's index is skipped and every call scans.
  return sql<
    string | null
  >`(select ${countries.regionalGroup} from ${countries} where ${countries.iso3} = (${iso3})::char(3))`;
}

/** The ISO alpha-3 codes of a regional group's States, as a text array. */
export function statesOfGroup(group: string): SQL {
  return sql`array(select ${countries.iso3}::text from ${countries} where ${countries.regionalGroup} = ${group})`;
}

/** A State's development statuses (`ldc`, `lldc`, `sids`) as a text array. */
export function developmentStatusesOf(iso3: SQL | AnyPgColumn): SQL<string[]> {
  return sql<string[]>`coalesce((select array_remove(array[
    case when ${countries.isLdc} then 'ldc' end,
    case when ${countries.isLldc} then 'lldc' end,
    case when ${countries.isSids} then 'sids' end], null)
    from ${countries} where ${countries.iso3} = (${iso3})::char(3)), '{}'::text[])`;
}
