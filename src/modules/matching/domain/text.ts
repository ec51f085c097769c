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

/** Term ids, assigned on first sight: one vocabulary per market. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }
}

export function textVector(tokens: readonly string[], statistics: TextStatistics, vocabulary: Vocabulary): TextVector {
  if (tokens.length === 0) return EMPTY_VECTOR;
  const counts = new Map<string, number>();
  for (const term of tokens) counts.set(term, (counts.get(term) ?? 0) + 1);
  const entries: [number, number][] = [];
  let norm = 0;
  for (const [term, count] of counts) {
    // Smoothed IDF: a term no document of the market held counts as the rarest.
    const df = statistics.documentFrequencies.get(term) ?? 0;
    const weight = (1 + Math.log(count)) * Math.log((1 + statistics.documents) / (1 + df));
    if (weight <= 0) continue;
    entries.push([vocabulary.idOf(term), weight]);
    norm += weight * weight;
  }
  if (entries.length === 0) return EMPTY_VECTOR;
  entries.sort((a, b) => a[0] - b[0]);
  const length = Math.sqrt(norm);
  return {
    terms: Int32Array.from(entries, (e) => e[0]),
    weights: Float64Array.from(entries, (e) => e[1] / length),
  };
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
