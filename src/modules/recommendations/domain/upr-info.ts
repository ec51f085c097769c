import {
  type ProblemArgs,
  type ProblemCode,
  type RecommendationInput,
  type RowProblem,
  rowProblem,
} from "./recommendation";

/** The columns of the UPR Info database export (see ../shared/data/upr-info-2008-2017/SOURCE.md). */
export const UPR_INFO_COLUMNS = [
  "id",
  "session",
  "cycle",
  "year",
  "sur_iso3",
  "rec_iso3",
  "text",
  "response",
  "action_category",
  "issues",
] as const;

export interface Vocabularies {
  /** ISO alpha-3 codes of the States the platform knows. */
  states: ReadonlySet<string>;
  /** UPR Info issue label → theme code. */
  uprInfoThemes: ReadonlyMap<string, string>;
}

/** Labels of UPR Info's older exports that its current list renamed. */
const RENAMED_ISSUES: Record<string, string> = { NHRI: "National Human Rights Institution" };

const RESPONSES: Record<string, RecommendationInput["response"]> = {
  supported: "supported",
  accepted: "supported",
  noted: "noted",
};

function whole(value: string | undefined, min: number, max: number): number | null {
  if (!value?.trim()) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : Number.NaN;
}

/**
 * One row of a UPR Info export → a recommendation, or the problems that keep it out. The
 * recommending State of a voluntary pledge is the pledging State itself.
 */
export function parseUprInfoRow(
  row: Record<string, string | undefined>,
  line: number,
  vocabularies: Vocabularies,
): { value: RecommendationInput | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = <C extends ProblemCode>(field: string, code: C, ...values: ProblemArgs<C>) =>
    problems.push(rowProblem(line, field, code, ...values));
  const key = row.id?.trim() ?? "";
  if (!/^[\w-]{3,80}$/.test(key)) problem("id", "malformed-id");
  const session = whole(row.session, 1, 200);
  if (session === null || Number.isNaN(session)) problem("session", "malformed-session", { value: row.session ?? "" });
  const cycle = whole(row.cycle, 1, 20);
  if (Number.isNaN(cycle)) problem("cycle", "malformed-cycle", { value: String(row.cycle) });
  const year = whole(row.year, 2006, 2100);
  if (Number.isNaN(year)) problem("year", "malformed-year", { value: String(row.year) });
  const sur = row.sur_iso3?.trim().toUpperCase() ?? "";
  if (!vocabularies.states.has(sur)) problem("sur_iso3", "unknown-state-under-review", { value: row.sur_iso3 ?? "" });
  const rec = row.rec_iso3?.trim().toUpperCase() ?? "";
  // UPR Info left nine recommending States as "(Unknown)"; the recommendation itself stands.
  if (rec && !vocabularies.states.has(rec)) problem("rec_iso3", "unknown-recommending-state", { value: rec });
  const text = row.text?.replace(/\s+/g, " ").trim() ?? "";
  if (!text) problem("text", "empty-text");
  const rawResponse = row.response?.trim().toLowerCase() ?? "";
  const pledge = rawResponse === "voluntary pledge";
  const response = pledge ? null : RESPONSES[rawResponse];
  if (!pledge && response === undefined) problem("response", "unknown-response", { value: row.response ?? "" });
  const action = whole(row.action_category, 1, 5);
  if (Number.isNaN(action))
    problem("action_category", "malformed-action-category", { value: String(row.action_category) });
  const themes: string[] = [];
  for (const label of (row.issues ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const code = vocabularies.uprInfoThemes.get(RENAMED_ISSUES[label] ?? label);
    if (code) themes.push(code);
    else problem("issues", "unknown-upr-info-issue", { value: label });
  }
  if (problems.length > 0) return { value: null, problems };
  return {
    value: {
      key,
      kind: pledge ? "voluntary-pledge" : "recommendation",
      mechanism: "upr",
      body: null,
      cycle,
      session,
      year,
      documentSymbol: null,
      paragraph: null,
      stateUnderReview: sur,
      recommendingStates: rec ? [rec] : [],
      text,
      language: "en",
      response: response ?? null,
      actionCategory: action,
      themes,
      affectedPersons: [],
      sdgs: [],
    },
    problems,
  };
}
