import { createHash } from "node:crypto";
import {
  MECHANISMS,
  type Mechanism,
  type ProblemArgs,
  type ProblemCode,
  type RecommendationInput,
  type RowProblem,
  rowProblem,
} from "./recommendation";

/**
 * item10's own import format, for recommendations of any mechanism, in CSV or JSON Lines.
 * The README documents it column by column; keep the two in step.
 */
export const ITEM10_COLUMNS = [
  "key",
  "mechanism",
  "body",
  "cycle",
  "session",
  "year",
  "document_symbol",
  "paragraph",
  "state_under_review",
  "recommending_states",
  "text",
  "language",
  "response",
  "action_category",
  "themes",
  "theme_codes",
  "affected_persons",
  "sdgs",
] as const;
export type Item10Column = (typeof ITEM10_COLUMNS)[number];

/** The official languages of the United Nations: the languages its recommendations are issued in. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;

export interface Item10Vocabularies {
  states: ReadonlySet<string>;
  /** Treaty Body and Special Procedures mandate codes. */
  bodies: ReadonlySet<string>;
  /** Theme label (lower case, any scheme) → code. */
  themeLabels: ReadonlyMap<string, string>;
  themeCodes: ReadonlySet<string>;
  /** Affected-person label or code (lower case) → code. */
  affectedPersons: ReadonlyMap<string, string>;
  /** SDG target codes, such as "5.2" and "16.a". */
  sdgTargets: ReadonlySet<string>;
}

/** Headers are matched however a spreadsheet spelled them: "State under review" is `state_under_review`. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Header names the format does not know: ignored, each with a warning. */
export function unknownColumns(headers: readonly string[]): string[] {
  const known = new Set<string>(ITEM10_COLUMNS);
  return headers.filter((h) => !known.has(normaliseHeader(h)));
}

/** The columns without which no row can be read. */
export const REQUIRED_COLUMNS: readonly Item10Column[] = ["mechanism", "state_under_review", "text"];

const RESPONSES: Record<string, RecommendationInput["response"] | "pledge"> = {
  supported: "supported",
  accepted: "supported",
  "supported in part": "supported-in-part",
  "supported-in-part": "supported-in-part",
  "partially supported": "supported-in-part",
  noted: "noted",
  pending: "pending",
  "voluntary pledge": "pledge",
  "voluntary-pledge": "pledge",
};

const MECHANISM_NAMES: Record<string, Mechanism> = {
  upr: "upr",
  "universal periodic review": "upr",
  "treaty-body": "treaty-body",
  "treaty body": "treaty-body",
  "special-procedure": "special-procedure",
  "special procedure": "special-procedure",
  "special procedures": "special-procedure",
};

/** A cell as text: CSV cells are strings, JSON Lines values may be numbers or lists. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(";");
  return String(value).trim();
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(cell) : cell(value).split(";");
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

/**
 * One row (already keyed by normalised header) → a recommendation, or every problem that keeps it out.
 * Without a `key` column the key is derived from what identifies a recommendation in its document, so
 * correcting a response or a theme updates the row instead of adding another.
 */
export function parseItem10Row(
  row: Readonly<Record<string, unknown>>,
  line: number,
  vocabularies: Item10Vocabularies,
): { value: RecommendationInput | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = <C extends ProblemCode>(field: Item10Column, code: C, ...values: ProblemArgs<C>) =>
    problems.push(rowProblem(line, field, code, ...values));
  const number = (field: Item10Column, min: number, max: number): number | null => {
    const raw = cell(row[field]);
    if (!raw) return null;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problem(field, "not-whole-number", { value: raw, min, max });
    return null;
  };

  const rawMechanism = cell(row.mechanism).toLowerCase();
  const mechanism = MECHANISM_NAMES[rawMechanism];
  if (!mechanism)
    problem("mechanism", "unknown-mechanism", { value: cell(row.mechanism), allowed: MECHANISMS.join(", ") });
  const body = cell(row.body) || null;
  if (mechanism === "upr" && body) problem("body", "upr-has-no-body");
  if (mechanism && mechanism !== "upr") {
    if (!body) problem("body", "missing-body");
    else if (!vocabularies.bodies.has(body)) problem("body", "unknown-body", { value: body });
  }
  const cycle = number("cycle", 1, 20);
  const session = number("session", 1, 200);
  const year = number("year", 1946, 2100);
  const actionCategory = number("action_category", 1, 5);

  const stateUnderReview = cell(row.state_under_review).toUpperCase();
  if (!vocabularies.states.has(stateUnderReview))
    problem("state_under_review", "unknown-country-iso3", { value: cell(row.state_under_review) });
  const recommendingStates = list(row.recommending_states).map((s) => s.toUpperCase());
  for (const s of recommendingStates)
    if (!vocabularies.states.has(s)) problem("recommending_states", "unknown-country", { value: s });
  if (recommendingStates.length > 0 && mechanism && mechanism !== "upr")
    problem("recommending_states", "recommending-states-outside-upr");

  const text = cell(row.text).replace(/\s+/g, " ");
  if (!text) problem("text", "empty-text");
  const language = cell(row.language).toLowerCase() || "en";
  if (!(UN_LANGUAGES as readonly string[]).includes(language))
    problem("language", "unknown-language", { value: language, allowed: UN_LANGUAGES.join(", ") });

  const rawResponse = cell(row.response).toLowerCase().replace(/\s+/g, " ");
  const response = rawResponse ? RESPONSES[rawResponse] : null;
  if (response === undefined) problem("response", "unknown-response", { value: cell(row.response) });

  const themes = new Set<string>();
  for (const label of list(row.themes)) {
    const code = vocabularies.themeLabels.get(label.toLowerCase());
    if (code) themes.add(code);
    else problem("themes", "unknown-theme", { value: label });
  }
  for (const code of list(row.theme_codes)) {
    if (vocabularies.themeCodes.has(code)) themes.add(code);
    else problem("theme_codes", "unknown-theme-code", { value: code });
  }
  const affectedPersons: string[] = [];
  for (const label of list(row.affected_persons)) {
    const code = vocabularies.affectedPersons.get(label.toLowerCase());
    if (code) affectedPersons.push(code);
    else problem("affected_persons", "unknown-affected-persons", { value: label });
  }
  const sdgs: string[] = [];
  for (const code of list(row.sdgs)) {
    if (/^(1[0-7]|[1-9])$/.test(code)) sdgs.push(code);
    // A target brings its goal along, so that searching by goal finds it (one array, one index).
    else if (vocabularies.sdgTargets.has(code.toLowerCase())) sdgs.push(code.toLowerCase(), code.split(".")[0]!);
    else if (/^(1[0-7]|[1-9])\.([1-9]\d?|[a-z])$/i.test(code)) problem("sdgs", "unknown-sdg-target", { value: code });
    else problem("sdgs", "malformed-sdg", { value: code });
  }

  const documentSymbol = cell(row.document_symbol) || null;
  const paragraph = cell(row.paragraph) || null;
  const givenKey = cell(row.key);
  if (givenKey && !/^[\w.:-]{3,120}$/.test(givenKey)) problem("key", "malformed-key");

  if (problems.length > 0 || !mechanism || response === undefined) return { value: null, problems };
  const key =
    givenKey ||
    `item10-${createHash("sha256")
      .update(
        JSON.stringify([mechanism, body, stateUnderReview, documentSymbol, paragraph, paragraph ? null : text, cycle]),
      )
      .digest("hex")
      .slice(0, 24)}`;
  return {
    value: {
      key,
      kind: response === "pledge" ? "voluntary-pledge" : "recommendation",
      mechanism,
      body,
      cycle,
      session,
      year,
      documentSymbol,
      paragraph,
      stateUnderReview,
      recommendingStates,
      text,
      language,
      response: response === "pledge" ? null : response,
      actionCategory,
      themes: [...themes],
      affectedPersons: [...new Set(affectedPersons)],
      sdgs: [...new Set(sdgs)],
    },
    problems,
  };
}
