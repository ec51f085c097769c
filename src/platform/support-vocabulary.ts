/**
 * The words that requests, offers, matching and the gap map share: what kind of support, who
 * provides it, in which language, with which money. They live with the platform, like the role
 * vocabulary in actor.ts, because several capabilities must speak them identically for a request
 * and an offer to meet.
 */
import type { OrganisationKind } from "./actor";

/** Kinds of support, as the reform's documents list them (issue 5). */
export const SUPPORT_KINDS = [
  "expertise",
  "training",
  "peer-exchange",
  "legislative-review",
  "institution-building",
  "data-indicators",
  "equipment",
  "funding",
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** The five UN regional groups, as the reference data codes them. */
export const PROVIDER_GROUPS = [
  "african",
  "asia-pacific",
  "eastern-european",
  "latin-american-caribbean",
  "western-european-other",
] as const;

/**
 * Who provides support. A State provider is typed by its regional group, so a State asking for
 * South-South or peer support names the groups it wants ("a State of the Asia-Pacific Group")
 * rather than relying on a North/South list the UN does not keep.
 */
export const PROVIDER_TYPES = [
  ...PROVIDER_GROUPS.map((g) => `state-${g}` as const),
  "un-entity",
  "nhri",
  "ngo",
  "regional-organisation",
  "academic",
  "donor",
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** The provider type of an organisation: its kind, and for a State its regional group. */
export function providerTypeOf(kind: OrganisationKind, regionalGroup: string | null): ProviderType | null {
  if (kind !== "state") return kind;
  const type = `state-${regionalGroup}`;
  return (PROVIDER_TYPES as readonly string[]).includes(type) ? (type as ProviderType) : null;
}

/**
 * Working languages a request or offer may name: the six UN languages first, then languages widely
 * used in technical cooperation. Names come from the reader's locale (Intl.DisplayNames).
 */
export const WORKING_LANGUAGES = [
  "ar",
  "zh",
  "en",
  "fr",
  "ru",
  "es",
  "pt",
  "sw",
  "hi",
  "bn",
  "id",
  "ms",
  "th",
  "vi",
  "fa",
  "tr",
  "uk",
  "de",
  "it",
  "ja",
  "ko",
  "ur",
  "am",
  "ha",
  "ne",
  "si",
  "ta",
  "tl",
  "fj",
  "sm",
  "to",
  "dz",
  "dv",
] as const;
export type WorkingLanguage = (typeof WORKING_LANGUAGES)[number];

/** ISO 4217 codes the runtime knows (Node's ICU), for budgets and contributions. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");

export function isCurrency(code: string): boolean {
  return CURRENCIES.includes(code);
}

/** Minor units of a currency (2 for USD, 0 for JPY), so amounts are kept as integers. */
export function minorUnitsOf(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Reads an amount as people type it ("25000", "25,000.50", "25 000") into minor units of the
 * currency. Null when it is not a non-negative amount with at most the currency's decimals, so
 * the form can say which field is wrong instead of rounding silently.
 */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f,]/g, "");
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const digits = minorUnitsOf(currency);
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The amount back as plain text for a form field ("25000.50"). */
export function amountText(minor: number, currency: string): string {
  const digits = minorUnitsOf(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  const fraction = String(minor % 10 ** digits).padStart(digits, "0");
  return `${whole}.${fraction}`;
}
