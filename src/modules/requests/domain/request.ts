import { isIsoDate } from "../../../platform/dates";
import {
  isCurrency,
  PROVIDER_TYPES,
  parseAmount,
  SUPPORT_KINDS,
  WORKING_LANGUAGES,
} from "../../../platform/support-vocabulary";
import type { VisibilityTier } from "../../../platform/visibility";

/**
 * What a State asks for (issue 5, point 2). A draft needs only a title, so a focal point can save
 * as they go; submitting needs what screening and providers cannot do without (`readiness`).
 */
export const LIMITS = {
  title: 200,
  summary: 10_000,
  counterparts: 20,
  counterpartLength: 200,
  recommendations: 200,
  clusters: 50,
  durationMonths: 120,
} as const;

/**
 * The tiers a State may choose for a request. "Private" is not among them: a submitted request is
 * read by the secretariat, which screens and brokers it (domain/visibility.ts).
 */
export const REQUEST_TIERS = ["secretariat", "providers", "public"] as const satisfies readonly VisibilityTier[];

/** A problem with one field: a catalogue key, and the values its message names. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

/** What a form (or an API body) sends. Lists come as arrays, or text with one item a line. */
export interface RequestForm {
  title?: string;
  summary?: string;
  language?: string;
  themes?: readonly string[];
  sdgTargets?: readonly string[];
  supportKinds?: readonly string[];
  providerTypes?: readonly string[];
  workingLanguages?: readonly string[];
  desiredStart?: string;
  durationMonths?: string | number;
  budgetAmount?: string | number;
  budgetCurrency?: string;
  counterparts?: string | readonly string[];
  visibility?: string;
  anonymousCounting?: boolean | string;
}

export interface RequestContent {
  title: string;
  summary: string;
  language: string;
  themes: string[];
  sdgTargets: string[];
  supportKinds: string[];
  providerTypes: string[];
  workingLanguages: string[];
  desiredStart: string | null;
  durationMonths: number | null;
  budgetMinor: number | null;
  budgetCurrency: string | null;
  counterparts: string[];
  visibility: VisibilityTier;
  anonymousCounting: boolean;
}

/** The codes a request may use, from the reference data (passed in: domain code reads no tables). */
export interface KnownCodes {
  themes: ReadonlySet<string>;
  sdgTargets: ReadonlySet<string>;
}

const lines = (value: string | readonly string[] | undefined) =>
  (typeof value === "string" ? value.split(/\r?\n/) : [...(value ?? [])]).map((v) => v.trim()).filter(Boolean);

const distinct = (values: string[]) => [...new Set(values)];

function codes(
  field: string,
  values: readonly string[] | undefined,
  allowed: ReadonlySet<string> | readonly string[],
  problems: Problems,
): string[] {
  const list = distinct(lines(values));
  const known = (v: string) => ("has" in allowed ? allowed.has(v) : allowed.includes(v));
  const unknown = list.find((v) => !known(v));
  if (unknown !== undefined)
    problems[field] = { key: `requests.error.${field}`, values: { value: unknown.slice(0, 80) } };
  return list;
}

/** Reads the request's own fields; links to recommendations and clusters are set apart. Pure. */
export function parseRequestForm(
  form: RequestForm,
  known: KnownCodes,
): { value: RequestContent | null; problems: Problems } {
  const problems: Problems = {};
  const title = (form.title ?? "").trim();
  if (!title) problems.title = { key: "requests.error.titleRequired" };
  else if (title.length > LIMITS.title)
    problems.title = { key: "requests.error.titleLength", values: { max: LIMITS.title } };

  const summary = (form.summary ?? "").replace(/\r\n/g, "\n").trim();
  if (summary.length > LIMITS.summary)
    problems.summary = { key: "requests.error.summaryLength", values: { max: LIMITS.summary } };

  const language = (form.language ?? "").trim() || "en";
  if (!(WORKING_LANGUAGES as readonly string[]).includes(language))
    problems.language = { key: "requests.error.language" };

  const themes = codes("themes", form.themes, known.themes, problems);
  const sdgTargets = codes("sdgTargets", form.sdgTargets, known.sdgTargets, problems);
  const supportKinds = codes("supportKinds", form.supportKinds, SUPPORT_KINDS, problems);
  const providerTypes = codes("providerTypes", form.providerTypes, PROVIDER_TYPES, problems);
  const workingLanguages = codes("workingLanguages", form.workingLanguages, WORKING_LANGUAGES, problems);

  const start = (form.desiredStart ?? "").trim();
  if (start && !isIsoDate(start)) problems.desiredStart = { key: "requests.error.desiredStart" };

  const durationText = String(form.durationMonths ?? "").trim();
  const durationMonths = durationText ? Number(durationText) : null;
  if (
    durationMonths !== null &&
    (!Number.isInteger(durationMonths) || durationMonths < 1 || durationMonths > LIMITS.durationMonths)
  )
    problems.durationMonths = { key: "requests.error.durationMonths", values: { max: LIMITS.durationMonths } };

  const amountText = String(form.budgetAmount ?? "").trim();
  const currency = (form.budgetCurrency ?? "").trim().toUpperCase();
  let budgetMinor: number | null = null;
  if (amountText || currency) {
    if (!isCurrency(currency)) problems.budgetCurrency = { key: "requests.error.budgetCurrency" };
    else if (!amountText) problems.budgetAmount = { key: "requests.error.budgetAmountMissing" };
    else {
      budgetMinor = parseAmount(amountText, currency);
      if (budgetMinor === null) problems.budgetAmount = { key: "requests.error.budgetAmount" };
    }
  }

  const counterparts = distinct(lines(form.counterparts));
  if (counterparts.length > LIMITS.counterparts)
    problems.counterparts = { key: "requests.error.counterpartCount", values: { max: LIMITS.counterparts } };
  else if (counterparts.some((c) => c.length > LIMITS.counterpartLength))
    problems.counterparts = { key: "requests.error.counterpartLength", values: { max: LIMITS.counterpartLength } };

  const visibility = (form.visibility ?? "").trim() || "secretariat";
  if (!(REQUEST_TIERS as readonly string[]).includes(visibility))
    problems.visibility = { key: "requests.error.visibility" };

  const anonymousCounting =
    form.anonymousCounting === true || form.anonymousCounting === "on" || form.anonymousCounting === "true";

  if (Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: {
      title,
      summary,
      language,
      themes,
      sdgTargets,
      supportKinds,
      providerTypes,
      workingLanguages,
      desiredStart: start || null,
      durationMonths,
      budgetMinor,
      budgetCurrency: budgetMinor === null ? null : currency,
      counterparts,
      visibility: visibility as VisibilityTier,
      anonymousCounting,
    },
    problems,
  };
}

/**
 * What screening cannot work without: what is asked (a summary and a kind of support) and what
 * it serves (a recommendation or a cluster the State received). Checked on submission only.
 */
export function readiness(request: {
  summary: string;
  supportKinds: readonly string[];
  recommendationCount: number;
  clusterCount: number;
}): Problems {
  const problems: Problems = {};
  if (!request.summary.trim()) problems.summary = { key: "requests.error.summaryRequired" };
  if (request.supportKinds.length === 0) problems.supportKinds = { key: "requests.error.supportKindsRequired" };
  if (request.recommendationCount + request.clusterCount === 0)
    problems.recommendations = { key: "requests.error.recommendationsRequired" };
  return problems;
}

/** Whole days between two instants, for "open and unanswered for N days". */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

/** How long an open request has waited for an answer, in days; null once answered or not open. */
export function waitingDays(row: { state: string; openedAt: Date | null; matchedAt: Date | null }, now: Date) {
  return row.state === "open" && row.openedAt && !row.matchedAt ? daysBetween(row.openedAt, now) : null;
}

/** The age bands the lists filter on (PRODUCT.md principle 5: no one turned away). */
export const AGE_BANDS = ["under-30", "30-90", "over-90"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(days: number): AgeBand {
  if (days < 30) return "under-30";
  if (days <= 90) return "30-90";
  return "over-90";
}
