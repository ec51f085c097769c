import { isIsoDate } from "../../../platform/dates";
import {
  isCurrency,
  PROVIDER_GROUPS,
  parseAmount,
  SUPPORT_KINDS,
  WORKING_LANGUAGES,
} from "../../../platform/support-vocabulary";
import { VISIBILITY_TIERS, type VisibilityTier } from "../../../platform/visibility";

/**
 * What a provider offers (issue 5, point 3): what kind of support on which themes, for whom, how
 * many engagements it can take on, and who may see the offer.
 */
export const OFFER_STATUSES = ["open", "paused", "closed"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The development statuses an offer may be limited to (UN-OHRLLS lists, as the reference data codes them). */
export const ELIGIBLE_STATUSES = ["ldc", "lldc", "sids"] as const;

export const LIMITS = {
  title: 200,
  description: 5_000,
  capacityMin: 1,
  capacityMax: 1_000,
} as const;

/** A problem with one field: a catalogue key, and the values its message names. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

type List = string | readonly string[];

/** What a form or an API body sends. Lists come as arrays (repeated fields) or as text. */
export interface OfferForm {
  title?: string;
  description?: string;
  language?: string;
  themes?: List;
  sdgTargets?: List;
  supportKinds?: List;
  workingLanguages?: List;
  eligibleGroups?: List;
  eligibleStatuses?: List;
  eligibleStates?: List;
  capacity?: string | number;
  contributionAmount?: string | number;
  contributionCurrency?: string;
  validFrom?: string;
  validUntil?: string;
  visibility?: string;
  status?: string;
}

export interface OfferContent {
  title: string;
  description: string;
  language: string;
  themes: string[];
  sdgTargets: string[];
  supportKinds: string[];
  workingLanguages: string[];
  eligibleGroups: string[];
  eligibleStatuses: string[];
  eligibleStates: string[];
  capacity: number;
  contributionMinor: number | null;
  contributionCurrency: string | null;
  validFrom: string | null;
  validUntil: string | null;
  visibility: VisibilityTier;
  status: OfferStatus;
}

/** Codes the reference data knows, passed in: domain code reads no tables. */
export interface KnownCodes {
  themes: ReadonlySet<string>;
  sdgTargets: ReadonlySet<string>;
  states: ReadonlySet<string>;
}

/** Codes never hold spaces or commas, so a list typed or pasted as text reads like repeated fields. */
function items(value: List | undefined, upper = false): string[] {
  const list = typeof value === "string" ? value.split(/[\s,;]+/) : [...(value ?? [])];
  const cleaned = list.map((v) => String(v).trim()).filter((v) => v.length > 0);
  return [...new Set(upper ? cleaned.map((v) => v.toUpperCase()) : cleaned)];
}

function codes(
  field: keyof OfferForm,
  value: List | undefined,
  known: ReadonlySet<string> | readonly string[],
  problems: Problems,
  upper = false,
): string[] {
  const list = items(value, upper);
  const isKnown = (v: string) => ("has" in known ? known.has(v) : known.includes(v));
  const unknown = list.find((v) => !isKnown(v));
  if (unknown !== undefined)
    problems[field] = { key: `offers.error.${field}`, values: { value: unknown.slice(0, 80) } };
  return list;
}

const text = (value: string | number | undefined) => String(value ?? "").trim();

/** Reads an offer; every problem names its field with `offers.error.<field>`. Pure. */
export function parseOfferForm(form: OfferForm, known: KnownCodes): { value: OfferContent | null; problems: Problems } {
  const problems: Problems = {};

  const title = text(form.title).replace(/\s+/g, " ");
  if (title.length < 1 || title.length > LIMITS.title)
    problems.title = { key: "offers.error.title", values: { max: LIMITS.title } };

  const description = (form.description ?? "").replace(/\r\n/g, "\n").trim();
  if (description.length > LIMITS.description)
    problems.description = { key: "offers.error.description", values: { max: LIMITS.description } };

  const language = text(form.language) || "en";
  if (!(WORKING_LANGUAGES as readonly string[]).includes(language))
    problems.language = { key: "offers.error.language" };

  const themes = codes("themes", form.themes, known.themes, problems);
  const sdgTargets = codes("sdgTargets", form.sdgTargets, known.sdgTargets, problems);
  const supportKinds = codes("supportKinds", form.supportKinds, SUPPORT_KINDS, problems);
  const workingLanguages = codes("workingLanguages", form.workingLanguages, WORKING_LANGUAGES, problems);
  const eligibleGroups = codes("eligibleGroups", form.eligibleGroups, PROVIDER_GROUPS, problems);
  const eligibleStatuses = codes("eligibleStatuses", form.eligibleStatuses, ELIGIBLE_STATUSES, problems);
  const eligibleStates = codes("eligibleStates", form.eligibleStates, known.states, problems, true);

  const capacityText = text(form.capacity) || "1";
  const capacity = /^\d{1,4}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (!(capacity >= LIMITS.capacityMin && capacity <= LIMITS.capacityMax))
    problems.capacity = { key: "offers.error.capacity", values: { min: LIMITS.capacityMin, max: LIMITS.capacityMax } };

  // An amount means nothing without its currency, and a currency alone promises nothing.
  const amount = text(form.contributionAmount);
  const currency = text(form.contributionCurrency).toUpperCase();
  let contributionMinor: number | null = null;
  if (amount || currency) {
    if (!isCurrency(currency)) problems.contributionCurrency = { key: "offers.error.contributionCurrency" };
    if (!amount) problems.contributionAmount = { key: "offers.error.contributionAmount" };
    else if (isCurrency(currency)) {
      contributionMinor = parseAmount(amount, currency);
      if (contributionMinor === null) problems.contributionAmount = { key: "offers.error.contributionAmount" };
    }
  }

  const validFrom = text(form.validFrom) || null;
  const validUntil = text(form.validUntil) || null;
  if (validFrom && !isIsoDate(validFrom)) problems.validFrom = { key: "offers.error.validFrom" };
  if (validUntil && !isIsoDate(validUntil)) problems.validUntil = { key: "offers.error.validUntil" };
  else if (validFrom && validUntil && isIsoDate(validFrom) && validUntil < validFrom)
    problems.validUntil = { key: "offers.error.validUntil" };

  const visibility = text(form.visibility) || "providers";
  if (!(VISIBILITY_TIERS as readonly string[]).includes(visibility))
    problems.visibility = { key: "offers.error.visibility" };

  const status = text(form.status) || "open";
  if (!(OFFER_STATUSES as readonly string[]).includes(status)) problems.status = { key: "offers.error.status" };

  if (Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: {
      title,
      description,
      language,
      themes,
      sdgTargets,
      supportKinds,
      workingLanguages,
      eligibleGroups,
      eligibleStatuses,
      eligibleStates,
      capacity,
      contributionMinor,
      contributionCurrency: contributionMinor === null ? null : currency,
      validFrom,
      validUntil,
      visibility: visibility as VisibilityTier,
      status: status as OfferStatus,
    },
    problems,
  };
}

/** Whether saving `next` over `current` changes anything. */
export function isSameOffer(current: OfferContent, next: OfferContent): boolean {
  return (Object.keys(next) as (keyof OfferContent)[]).every(
    (k) => JSON.stringify(current[k]) === JSON.stringify(next[k]),
  );
}

/** The status buttons an owner gets: pause an open offer, reopen a paused or closed one, close either. */
export function nextStatuses(current: OfferStatus): OfferStatus[] {
  return OFFER_STATUSES.filter((s) => s !== current);
}

export function isOfferStatus(value: string): value is OfferStatus {
  return (OFFER_STATUSES as readonly string[]).includes(value);
}

/** `YYYY-MM-DD` in UTC: the day every reader shares, whatever the server's time zone. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
