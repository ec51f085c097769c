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
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
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
  // Each term's count and the last document that counted it, so a term repeated in a document
  // counts once without a set made per document (a full refresh reads some 20,000).
  const counted = new Map<string, { documents: number; last: number }>();
  for (let d = 0; d < documents.length; d++)
    for (const term of documents[d]!) {
      const entry = counted.get(term);
      if (entry === undefined) counted.set(term, { documents: 1, last: d });
      else if (entry.last !== d) {
        entry.documents++;
        entry.last = d;
      }
    }
  const frequencies = new Map<string, number>();
  for (const [term, entry] of counted) frequencies.set(term, entry.documents);
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
  private readonly terms: string[] = [];
  private readonly codes = new Map<string, string>();
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }

  termOf(id: number): string {
    return this.terms[id]!;
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
  // The tokens as ids, sorted: a term's count is the length of its run, and the vector comes out
  // in id order. No map is made per document (a full refresh makes some 20,000 vectors).
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = vocabulary.idOf(tokens[i]!);
  ids.sort();
  const terms: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (let i = 0; i < ids.length; ) {
    const id = ids[i]!;
    let count = 0;
    while (i < ids.length && ids[i] === id) {
      count++;
      i++;
    }
    // Smoothed IDF: a term no document of the market held counts as the rarest.
    const df = statistics.documentFrequencies.get(vocabulary.termOf(id)) ?? 0;
    const weight = (1 + Math.log(count)) * Math.log((1 + statistics.documents) / (1 + df));
    if (weight <= 0) continue;
    terms.push(id);
    weights.push(weight);
    norm += weight * weight;
  }
  if (terms.length === 0) return EMPTY_VECTOR;
  const length = Math.sqrt(norm);
  const unit = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) unit[i] = weights[i]! / length;
  return { terms: Int32Array.from(terms), weights: unit };
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
