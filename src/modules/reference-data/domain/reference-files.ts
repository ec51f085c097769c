import { z } from "zod";
import { REGIONAL_GROUPS } from "./country";

/**
 * The shapes of the committed files in `reference/` (built from ../shared/data by
 * `npm run reference:build`). Parsed at load, so a broken file names its path and field
 * instead of half-loading.
 */
const text = z.string().trim().min(1);
export const LocalizedTextSchema = z.object({ ar: text, zh: text, en: text, fr: text, ru: text, es: text });

export const CountriesFile = z.object({
  asOf: z.object({ statusDate: z.iso.date(), statusNote: text, groups: text }),
  countries: z
    .array(
      z.object({
        iso3: z.string().regex(/^[A-Z]{3}$/),
        iso2: z.string().regex(/^[A-Z]{2}$/),
        m49: z.string().regex(/^\d{3}$/),
        status: z.enum(["member", "observer"]),
        group: z.enum(REGIONAL_GROUPS).nullable(),
        ldc: z.boolean(),
        lldc: z.boolean(),
        sids: z.boolean(),
        names: LocalizedTextSchema,
        formalNames: LocalizedTextSchema,
      }),
    )
    .min(1),
});

export const SdgsFile = z.object({
  goals: z.array(z.object({ code: z.string().regex(/^\d+$/), short: LocalizedTextSchema, title: LocalizedTextSchema })),
  targets: z.array(z.object({ code: text, goal: z.string().regex(/^\d+$/), title: LocalizedTextSchema })),
  indicators: z.array(z.object({ code: text, goal: text, target: text, title: LocalizedTextSchema })),
});

export const ThemesFile = z.object({
  themes: z.array(
    z.object({ code: text, scheme: z.enum(["upr-info", "uhri"]), label: text, legacyCode: text.optional() }),
  ),
  affectedPersons: z.array(z.object({ code: text, label: text })),
});

export const MechanismsFile = z.object({
  uprCycles: z.array(
    z.object({
      number: z.number().int().positive(),
      startYear: z.number().int(),
      endYear: z.number().int().nullable(),
      firstSession: z.number().int().positive(),
      lastSession: z.number().int().positive().nullable(),
    }),
  ),
  uprSessions: z.array(
    z.object({ number: z.number().int().positive(), cycle: z.number().int().positive(), month: z.string().nullable() }),
  ),
  treatyBodies: z.array(
    z.object({ code: text, names: LocalizedTextSchema, instrument: z.object({ en: text }).loose() }),
  ),
  specialProcedures: z.array(z.object({ code: text, kind: z.enum(["thematic", "country"]), title: text })),
});

/** Turns a zod failure into one readable line per problem: `countries.json: countries.12.iso2: …`. */
export function describeFileErrors(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
}
