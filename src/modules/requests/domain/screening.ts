/**
 * Screening (issue 5, point 3): the secretariat publishes a checklist; an officer answers it for
 * each submitted request and opens the request or returns it with reasons; advisory committee
 * members record their view for their regional group. Pure rules over plain data.
 */
export const ANSWERS = ["met", "not-met", "unclear"] as const;
export type Answer = (typeof ANSWERS)[number];
export const OUTCOMES = ["open", "return"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Criterion {
  code: string;
  text: string;
}

export const CRITERIA_LIMITS = { items: 30, length: 500, comment: 5_000 } as const;

/** The checklist first published on a new installation; the secretariat edits it from there. */
export const FIRST_CRITERIA: readonly string[] = [
  "The request comes from the State concerned, through a focal point it designated.",
  "It serves recommendations the State received from the Universal Periodic Review, the Treaty Bodies or the Special Procedures.",
  "The support asked for is technical assistance or capacity-building that the platform can broker.",
  "It is specific enough for a provider to answer: what is needed, with which national institution, and when.",
  "Nothing in it names or exposes a person at risk.",
];

export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * A checklist as the secretariat types it, one criterion a line. Codes follow the order (c1, c2…)
 * within a version; each screening keeps the version it answered, so codes never drift.
 */
export function parseCriteria(text: string): { items: Criterion[] | null; problem: Problem | null } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { items: null, problem: { key: "screening.error.criteriaEmpty" } };
  if (lines.length > CRITERIA_LIMITS.items)
    return { items: null, problem: { key: "screening.error.criteriaCount", values: { max: CRITERIA_LIMITS.items } } };
  const long = lines.findIndex((l) => l.length > CRITERIA_LIMITS.length);
  if (long >= 0)
    return {
      items: null,
      problem: { key: "screening.error.criterionLength", values: { line: long + 1, max: CRITERIA_LIMITS.length } },
    };
  return { items: lines.map((text, i) => ({ code: `c${i + 1}`, text })), problem: null };
}

export interface ScreeningForm {
  answers: Record<string, string | undefined>;
  outcome?: string;
  comment?: string;
}

export interface Screening {
  answers: Record<string, Answer>;
  outcome: Outcome;
  comment: string;
}

/**
 * Every criterion answered; a return states its reasons (they go to the State); opening a request
 * that fails a criterion says why, so the decision can be read later against the checklist.
 */
export function parseScreening(
  form: ScreeningForm,
  criteria: readonly Criterion[],
): { value: Screening | null; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  const answers: Record<string, Answer> = {};
  for (const c of criteria) {
    const answer = form.answers[c.code];
    if (answer && (ANSWERS as readonly string[]).includes(answer)) answers[c.code] = answer as Answer;
    else problems[`answer-${c.code}`] = { key: "screening.error.answer", values: { criterion: c.code.slice(1) } };
  }
  const outcome = form.outcome ?? "";
  if (!(OUTCOMES as readonly string[]).includes(outcome)) problems.outcome = { key: "screening.error.outcome" };
  const comment = (form.comment ?? "").replace(/\r\n/g, "\n").trim();
  if (comment.length > CRITERIA_LIMITS.comment)
    problems.comment = { key: "screening.error.commentLength", values: { max: CRITERIA_LIMITS.comment } };
  else if (outcome === "return" && !comment) problems.comment = { key: "screening.error.reasonsRequired" };
  else if (outcome === "open" && !comment && Object.values(answers).includes("not-met"))
    problems.comment = { key: "screening.error.openDespiteRequired" };
  if (Object.keys(problems).length > 0) return { value: null, problems };
  return { value: { answers, outcome: outcome as Outcome, comment }, problems };
}
