import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations } from "./schema";

/**
 * SQL for modules that show or group records by the organisation that owns them (an offer's
 * provider): they use these instead of reaching into this module's tables.
 */
export function organisationKindOf(id: SQL | AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(select ${organisations.kind} from ${organisations} where ${organisations.id} = (${id}))`;
}

/** The State of a State organisation (ISO alpha-3), or the country an organisation names. */
export function organisationCountryOf(id: SQL | AnyPgColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select ${organisations.countryIso3}::text from ${organisations} where ${organisations.id} = (${id}))`;
}

export function organisationNameOf(id: SQL | AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(select ${organisations.name} from ${organisations} where ${organisations.id} = (${id}))`;
}
