/**
 * What a suggestion's score is made of. Each reason has a weight the secretariat sets (versioned:
 * a new version each change, the audit trail saying who and why). A weight is the most its reason
 * can add: a reason that holds fully adds its whole weight, one that holds in part adds a share.
 */
export const REASON_CODES = [
  "theme",
  "theme-family",
  "recommendation-theme",
  "sdg-target",
  "support-kind",
  "language",
  "provider-type",
  "timing",
  "capacity",
  "text",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type Weights = Readonly<Record<ReasonCode, number>>;

/**
 * The first version, before the secretariat sets its own. Subject comes first (what the State
 * asked about), then how the help would be given, then practicalities.
 */
export const DEFAULT_WEIGHTS: Weights = {
  theme: 30,
  "theme-family": 10,
  "recommendation-theme": 10,
  "sdg-target": 10,
  "support-kind": 15,
  language: 8,
  "provider-type": 5,
  timing: 4,
  capacity: 3,
  text: 5,
};

export const MAX_WEIGHT = 100;

export type WeightProblems = Partial<Record<ReasonCode, "required" | "not-a-number" | "out-of-range">> & {
  all?: "all-zero";
};

/** Reads weights from a form or an API body: whole or decimal numbers from 0 to 100, not all zero. */
export function parseWeights(
  input: Readonly<Record<string, unknown>>,
): { ok: true; weights: Weights } | { ok: false; problems: WeightProblems } {
  const problems: WeightProblems = {};
  const weights = {} as Record<ReasonCode, number>;
  for (const code of REASON_CODES) {
    const raw = input[code];
    const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      problems[code] = "required";
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) problems[code] = "not-a-number";
    else if (value < 0 || value > MAX_WEIGHT) problems[code] = "out-of-range";
    else weights[code] = value;
  }
  if (Object.keys(problems).length === 0 && REASON_CODES.every((code) => weights[code] === 0))
    problems.all = "all-zero";
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, weights };
}

/** Weights as stored (jsonb) back to a full set: a reason added after a version was saved weighs 0 in it. */
export function weightsFrom(stored: Readonly<Record<string, number>>): Weights {
  return Object.fromEntries(
    REASON_CODES.map((code) => [code, typeof stored[code] === "number" ? stored[code] : 0]),
  ) as Weights;
}
