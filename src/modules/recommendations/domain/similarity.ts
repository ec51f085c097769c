/**
 * How "recommendations with similar text" are found, as plain data: which of a text's words
 * (its stemmed lexemes) fetch candidates from the full-text index, and how much each shared word
 * counts. Rare words say more about a text than "ensure" or "rights" do, so each word weighs its
 * inverse document frequency, ln(total / documents containing it).
 */

/** How many of a text's rarest words score the candidates; more adds cost and little precision. */
export const SCORING_WORDS = 12;
/** At most this many candidate rows are scored: it bounds the cost on the commonest texts. */
export const CANDIDATE_BUDGET = 1500;
const FETCHING_WORDS = 8;

export interface WeightedLexeme {
  lexeme: string;
  weight: number;
}

export interface SimilarityPlan {
  /** The words that score a candidate, rarest first. Empty when the text has no word in common with any other. */
  scoring: WeightedLexeme[];
  /** A tsquery (PostgreSQL syntax) fetching the candidates through the GIN index, or null for none. */
  candidates: string | null;
}

/** A lexeme as a tsquery operand: quoted, so `:`, `&` or `!` inside it are not operators. */
export function tsqueryOperand(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/**
 * `frequency` gives, for a lexeme, how many texts of the index contain it (undefined for a word
 * counted after the frequencies were read: a new word, so taken as rare). A word found in this
 * text alone (frequency 1) cannot make another text similar and is left out.
 *
 * Candidates are the texts sharing one of the rarest words, as long as all those words together
 * fetch at most CANDIDATE_BUDGET rows; a text made only of common words ("Continue its efforts to
 * promote human rights") fetches instead the texts holding its three rarest words at once.
 */
export function planSimilarity(
  lexemes: readonly string[],
  frequency: (lexeme: string) => number | undefined,
  total: number,
): SimilarityPlan {
  const ranked = lexemes
    .map((lexeme) => ({ lexeme, documents: frequency(lexeme) ?? 2 }))
    .filter((l) => l.documents > 1)
    .sort((a, b) => a.documents - b.documents || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0))
    .slice(0, SCORING_WORDS);
  const scoring = ranked.map((l) => ({
    lexeme: l.lexeme,
    weight: Math.round(Math.log(Math.max(total, l.documents) / l.documents) * 1000) / 1000,
  }));
  if (ranked.length === 0) return { scoring, candidates: null };
  const rare: string[] = [];
  let fetched = 0;
  for (const l of ranked) {
    if (rare.length >= FETCHING_WORDS || fetched + l.documents > CANDIDATE_BUDGET) break;
    fetched += l.documents;
    rare.push(tsqueryOperand(l.lexeme));
  }
  if (rare.length < 3) {
    const together = ranked.slice(0, 3).map((l) => tsqueryOperand(l.lexeme));
    rare.push(together.length > 1 ? `(${together.join(" & ")})` : together[0]!);
  }
  return { scoring, candidates: [...new Set(rare)].join(" | ") };
}
