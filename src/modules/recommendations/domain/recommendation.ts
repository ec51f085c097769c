import { createHash } from "node:crypto";
import { getIntl, type MessageKey } from "../../../platform/i18n/messages";

export const MECHANISMS = ["upr", "treaty-body", "special-procedure"] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export const RESPONSES = ["supported", "supported-in-part", "noted", "pending"] as const;
export type Response = (typeof RESPONSES)[number];
export type RecommendationKind = "recommendation" | "voluntary-pledge";

/** A recommendation as an import file describes it, validated, before it meets the database. */
export interface RecommendationInput {
  key: string;
  kind: RecommendationKind;
  mechanism: Mechanism;
  body: string | null;
  cycle: number | null;
  session: number | null;
  year: number | null;
  documentSymbol: string | null;
  paragraph: string | null;
  stateUnderReview: string;
  recommendingStates: string[];
  text: string;
  language: string;
  response: Response | null;
  actionCategory: number | null;
  themes: string[];
  affectedPersons: string[];
  sdgs: string[];
}

/**
 * Every kind of problem an import reports, with the arguments of its message. The message itself is
 * the catalogue's `import.problem.<code>`: the upload page shows it in the reader's language, and its
 * English rendering is the problem's `message`, so the command line and the page never disagree.
 */
export const PROBLEM_ARGUMENTS = {
  "unreadable-csv": ["detail"],
  "invalid-json": ["detail"],
  "not-json-object": [],
  "missing-upr-info-columns": [],
  "missing-item10-columns": [],
  "duplicate-key": ["line"],
  "malformed-id": [],
  "malformed-session": ["value"],
  "malformed-cycle": ["value"],
  "malformed-year": ["value"],
  "malformed-action-category": ["value"],
  "unknown-state-under-review": ["value"],
  "unknown-recommending-state": ["value"],
  "unknown-upr-info-issue": ["value"],
  "empty-text": [],
  "unknown-response": ["value"],
  "not-whole-number": ["value", "min", "max"],
  "unknown-mechanism": ["value", "allowed"],
  "upr-has-no-body": [],
  "missing-body": [],
  "unknown-body": ["value"],
  "unknown-country-iso3": ["value"],
  "unknown-country": ["value"],
  "recommending-states-outside-upr": [],
  "unknown-language": ["value", "allowed"],
  "unknown-theme": ["value"],
  "unknown-theme-code": ["value"],
  "unknown-affected-persons": ["value"],
  "unknown-sdg-target": ["value"],
  "malformed-sdg": ["value"],
  "malformed-key": [],
} as const satisfies Record<string, readonly string[]>;
export type ProblemCode = keyof typeof PROBLEM_ARGUMENTS;
export const PROBLEM_CODES = Object.keys(PROBLEM_ARGUMENTS) as ProblemCode[];

/** The values a problem's message is rendered with: the file's own text, or numbers. */
export type ProblemValues<C extends ProblemCode> = {
  [A in (typeof PROBLEM_ARGUMENTS)[C][number]]: string | number;
};
/** A problem whose message takes no argument is raised without values. */
export type ProblemArgs<C extends ProblemCode> = (typeof PROBLEM_ARGUMENTS)[C] extends readonly []
  ? []
  : [values: ProblemValues<C>];

/** A problem with one row of a file, named as a person fixing the file needs it. */
export interface RowProblem {
  line: number;
  field: string;
  code: ProblemCode;
  values: Record<string, string | number>;
  /** In English, for the command line and for logs. */
  message: string;
}

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === "string" && Object.hasOwn(PROBLEM_ARGUMENTS, code);
}

/** The catalogue message of a problem; the typecheck fails if a code has none. */
export function problemMessageKey(code: ProblemCode): MessageKey {
  return `import.problem.${code}` as const;
}

export function rowProblem<C extends ProblemCode>(
  line: number,
  field: string,
  code: C,
  ...args: ProblemArgs<C>
): RowProblem {
  const values: Record<string, string | number> = args[0] ?? {};
  return { line, field, code, values, message: getIntl("en").formatMessage({ id: problemMessageKey(code) }, values) };
}

/**
 * A fingerprint of everything imported about a row: the same row imported again has the same
 * hash and is left alone; a corrected row has another and is updated.
 */
export function contentHash(input: RecommendationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}
