import { sql } from "drizzle-orm";
import { boolean, char, check, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../platform/i18n/locales";

export const countries = pgTable(
  "countries",
  {
    iso3: char("iso3", { length: 3 }).primaryKey(),
    iso2: char("iso2", { length: 2 }).notNull().unique(),
    m49: char("m49", { length: 3 }).notNull().unique(),
    unStatus: text("un_status").notNull(),
    regionalGroup: text("regional_group"),
    isLdc: boolean("is_ldc").notNull(),
    isLldc: boolean("is_lldc").notNull(),
    isSids: boolean("is_sids").notNull(),
    /** What the LDC/LLDC/SIDS flags are as of: the source list's date, or the date of a correction. */
    developmentStatusAsOf: text("development_status_as_of").notNull(),
    /** `reference` while the flags come from the files; `secretariat` once corrected, so reloads keep the correction. */
    developmentStatusSource: text("development_status_source").notNull().default("reference"),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    formalNames: jsonb("formal_names").$type<LocalizedText>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("countries_un_status", sql`${t.unStatus} in ('member', 'observer')`),
    check("countries_status_source", sql`${t.developmentStatusSource} in ('reference', 'secretariat')`),
  ],
);

export const sdgGoals = pgTable("sdg_goals", {
  code: integer("code").primaryKey(),
  short: jsonb("short").$type<LocalizedText>().notNull(),
  title: jsonb("title").$type<LocalizedText>().notNull(),
});

export const sdgTargets = pgTable("sdg_targets", {
  code: text("code").primaryKey(),
  goal: integer("goal")
    .notNull()
    .references(() => sdgGoals.code),
  position: integer("position").notNull(),
  title: jsonb("title").$type<LocalizedText>().notNull(),
});

export const sdgIndicators = pgTable(
  "sdg_indicators",
  {
    code: text("code").notNull(),
    // The official framework repeats some indicators under several targets.
    target: text("target")
      .notNull()
      .references(() => sdgTargets.code),
    position: integer("position").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.target] })],
);

export const themes = pgTable("themes", {
  code: text("code").primaryKey(),
  scheme: text("scheme").notNull(),
  label: text("label").notNull(),
  legacyCode: text("legacy_code"),
  position: integer("position").notNull(),
});

export const affectedPersons = pgTable("affected_persons", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  position: integer("position").notNull(),
});

export const uprCycles = pgTable("upr_cycles", {
  number: integer("number").primaryKey(),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year"),
  firstSession: integer("first_session").notNull(),
  lastSession: integer("last_session"),
});

export const uprSessions = pgTable("upr_sessions", {
  number: integer("number").primaryKey(),
  cycle: integer("cycle")
    .notNull()
    .references(() => uprCycles.number),
  month: text("month"),
});

export const treatyBodies = pgTable("treaty_bodies", {
  code: text("code").primaryKey(),
  names: jsonb("names").$type<LocalizedText>().notNull(),
  instrument: text("instrument").notNull(),
});

export const specialProcedures = pgTable(
  "special_procedures",
  {
    code: text("code").primaryKey(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** `reference` rows come from the files; the secretariat adds `secretariat` rows, which reloads never touch. */
    origin: text("origin").notNull().default("reference"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("special_procedures_kind", sql`${t.kind} in ('thematic', 'country')`),
    check("special_procedures_origin", sql`${t.origin} in ('reference', 'secretariat')`),
  ],
);

/** One row per dataset file: lets boot skip a load whose file has not changed. */
export const referenceDatasets = pgTable("reference_datasets", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  rowCount: integer("row_count").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
