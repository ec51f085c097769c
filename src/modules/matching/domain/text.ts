/**
 * Text similarity of a request's and an offer's descriptions: TF-IDF vectors compared by cosine.
 * The document frequencies come from the whole market (every open request and offer) when
 * suggestions are fully recomputed; later updates score with those same frequencies, so a
 * score does not drift with each new document until the next full recomputation.
 */

// Words that say nothing about the subject of a request or an offer, in the languages most texts
// are written in; short tokens (under three letters) are dropped anyway.
const STOPWORDS = new Set(
  (
    "the and for with that this from into its their have has are was were will would shall should can could " +
    "not but all any each other such also than then there these those which who whom whose what when where " +
    "how our your his her they them been being upon about over under more most very through including " +
    "state states support request offer government national human rights ensure take measures further " +
    "les des une pour dans par sur avec est sont aux qui que ses leur leurs ainsi " +
    "los las del por para con una sus que como más este esta"
  ).split(" "),
);

/** Lower-case word tokens, without stopwords, with a light plural folding ("prisons" → "prison"). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLocaleLowerCase("en").split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw)) continue;
    tokens.push(raw.length > 4 && raw.endsWith("s") && !raw.endsWith("ss") ? raw.slice(0, -1) : raw);
  }
  return tokens;
}

/** How many documents of the market hold each term, and how many documents there are. */
export interface TextStatistics {
  documentFrequencies: ReadonlyMap<string, number>;
  documents: number;
}

export function textStatistics(documents: readonly (readonly string[])[]): TextStatistics {
  const frequencies = new Map<string, number>();
  for (const tokens of documents)
    for (const term of new Set(tokens)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  return { documentFrequencies: frequencies, documents: documents.length };
}

/**
 * A document as a unit-length sparse vector: term ids in ascending order and their weights.
 * Ids come from a vocabulary shared by every vector compared, so cosine is one merge.
 */
export interface TextVector {
  terms: Int32Array;
  weights: Float64Array;
}

export const EMPTY_VECTOR: TextVector = { terms: new Int32Array(0), weights: new Float64Array(0) };

/**
 * One vocabulary per market: term ids, assigned on first sight, and one instance of each code
 * (theme, SDG target, kind, language, group, organisation…).
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly codes = new Map<string, string>();
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  /**
   * The market's one instance of `code`. Rows read from a database hold a fresh string for every
   * occurrence of a code, and comparing two distinct strings means comparing their characters;
   * scoring compares codes for every pair it scores, so equal codes are made the same string, and
   * equal then costs one reference comparison (measured: the engine ran 20% slower without).
   */
  code(code: string): string {
    const known = this.codes.get(code);
    if (known !== undefined) return known;
    this.codes.set(code, code);
    return code;
  }
}

export function textVector(tokens: readonly string[], statistics: TextStatistics, vocabulary: Vocabulary): TextVector {
  if (tokens.length === 0) return EMPTY_VECTOR;
  const counts = new Map<string, number>();
  for (const term of tokens) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Ids and weights side by side, sorted by id below; no closure is made per document (see market.ts).
  const ids: number[] = [];
  const weightOf = new Map<number, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    // Smoothed IDF: a term no document of the market held counts as the rarest.
    const df = statistics.documentFrequencies.get(term) ?? 0;
    const weight = (1 + Math.log(count)) * Math.log((1 + statistics.documents) / (1 + df));
    if (weight <= 0) continue;
    const id = vocabulary.idOf(term);
    ids.push(id);
    weightOf.set(id, weight);
    norm += weight * weight;
  }
  if (ids.length === 0) return EMPTY_VECTOR;
  const terms = Int32Array.from(ids).sort();
  const length = Math.sqrt(norm);
  const weights = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) weights[i] = weightOf.get(terms[i]!)! / length;
  return { terms, weights };
}

/** Cosine of two unit vectors: 0 (nothing in common) to 1 (the same words in the same proportions). */
export function cosine(a: TextVector, b: TextVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i]!;
    const y = bt[j]!;
    if (x === y) {
      sum += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(1, sum);
}
