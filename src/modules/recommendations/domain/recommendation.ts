import { createHash } from "node:crypto";

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

/** A problem with one row of a file, named as a person fixing the file needs it. */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * A fingerprint of everything imported about a row: the same row imported again has the same
 * hash and is left alone; a corrected row has another and is updated.
 */
export function contentHash(input: RecommendationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}
