/**
 * A small multi-label text classifier for recommendations: TF-IDF over English words and word
 * pairs, then one logistic regression per label (one-vs-rest), trained together by stochastic
 * gradient descent in a fixed, seeded order. Deterministic: the same examples give the same
 * model, byte for byte. No dependency: the whole method fits here and trains on the ~48,000
 * tagged UPR Info recommendations in a few seconds.
 */

export interface LabelledText {
  text: string;
  labels: readonly string[];
}

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs: number;
  /** Step size at the first pass; it decays as 1 / (1 + decay · pass). */
  learningRate: number;
  decay: number;
  /** A term seen in fewer examples than this is dropped (it would mostly learn noise). */
  minDocumentFrequency: number;
  /** Word pairs as well as words: "death penalty" says more than "death" and "penalty". */
  bigrams: boolean;
  /** A label on fewer examples than this is not learnt: a handful of examples makes a guess, not a model. */
  minLabelExamples: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 5,
  learningRate: 1,
  decay: 0.5,
  minDocumentFrequency: 3,
  bigrams: true,
  minLabelExamples: 1,
  seed: 20_250_101,
};

/** What `train` returns: plain data, so it can be stored and read back (`serialiseModel`). */
export interface Model {
  format: "item10-tfidf-ovr-logistic/1";
  bigrams: boolean;
  /** Terms in alphabetical order; a term's position is its feature number. */
  terms: string[];
  idf: Float64Array;
  labels: string[];
  /** Term-major: the weight of term t for label l is weights[t · labels.length + l]. */
  weights: Float64Array;
  bias: Float64Array;
  examples: number;
}

export interface Scored {
  code: string;
  score: number;
}

// Function words and the recommendation boilerplate every text shares ("the State", "ensure").
const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or " +
    "other our ours ourselves out over own same she should so some such than that the their theirs them themselves then " +
    "there these they this those through to too under until up very was we were what when where which while who whom why " +
    "will with would you your yours yourself yourselves shall may might must upon within without whether etc"
  ).split(" "),
);

/**
 * A light English stemmer: it folds plurals and the commonest verb and noun endings so that
 * "rights"/"right", "abolishing"/"abolished"/"abolish" and "prohibition"/"prohibit" meet, without
 * Porter's full rule set (which also merges words a human rights text keeps apart).
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  for (const [suffix, replacement, min] of ENDINGS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) return w.slice(0, -suffix.length) + replacement;
  }
  return w;
}

const ENDINGS: [suffix: string, replacement: string, minStem: number][] = [
  ["ational", "ate", 3],
  ["ization", "ize", 3],
  ["isation", "ize", 3],
  ["ation", "ate", 3],
  ["ition", "it", 3],
  ["iveness", "ive", 3],
  ["fulness", "ful", 3],
  ["ousness", "ous", 3],
  ["ement", "e", 3],
  ["ment", "", 4],
  ["ing", "", 4],
  ["ised", "ize", 3],
  ["ized", "ize", 3],
  ["ise", "ize", 3],
  ["ied", "y", 3],
  ["ed", "", 4],
  ["ly", "", 4],
];

/** Lower-cased word stems without stop words; numbers of two digits or more are kept (ILO 169, resolution 1325). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(/^\p{N}+$/u.test(word) ? word : stem(word));
  }
  return out;
}

function terms(text: string, bigrams: boolean): string[] {
  const tokens = tokenize(text);
  if (!bigrams) return tokens;
  const pairs = tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
  return [...tokens, ...pairs];
}

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/** Sub-linear term frequency × IDF, L2-normalised; terms outside the vocabulary are ignored. */
function vectorise(list: readonly string[], vocabulary: ReadonlyMap<string, number>, idf: Float64Array): SparseVector {
  const counts = new Map<number, number>();
  for (const term of list) {
    const i = vocabulary.get(term);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const index = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const value = new Float64Array(index.length);
  let norm = 0;
  index.forEach((i, k) => {
    const v = (1 + Math.log(counts.get(i)!)) * idf[i]!;
    value[k] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < value.length; k++) value[k]! /= norm;
  return { index, value };
}

/** A small seeded generator (mulberry32): the training order must not depend on Math.random. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * Learns one weight vector per label. Examples with no label still teach every label what it is
 * not; labels are sorted, so the model does not depend on the order they first appear in.
 */
export function train(examples: readonly LabelledText[], options: Partial<TrainingOptions> = {}): Model {
  const steps = trainInSteps(examples, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Examples handled between two pauses of `trainInSteps`: some tens of milliseconds of work. */
const STEP = 2_000;

/**
 * `train`, pausing every few thousand examples: a job that trains inside the web process (the
 * embedded database's single process) drives it with `await` between steps, so pages keep answering.
 */
export function* trainInSteps(
  examples: readonly LabelledText[],
  options: Partial<TrainingOptions> = {},
): Generator<void, Model, void> {
  const o = { ...DEFAULT_TRAINING, ...options };
  const documentFrequency = new Map<string, number>();
  const tokenised: string[][] = [];
  for (const e of examples) {
    tokenised.push(terms(e.text, o.bigrams));
    if (tokenised.length % STEP === 0) yield;
  }
  for (const list of tokenised)
    for (const term of new Set(list)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const kept = [...documentFrequency]
    .filter(([, df]) => df >= o.minDocumentFrequency)
    .map(([term]) => term)
    .sort();
  const vocabulary = new Map(kept.map((term, i) => [term, i]));
  const n = examples.length;
  const idf = Float64Array.from(kept, (term) => Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1);
  const labelCounts = new Map<string, number>();
  for (const e of examples) for (const l of new Set(e.labels)) labelCounts.set(l, (labelCounts.get(l) ?? 0) + 1);
  const labels = [...labelCounts]
    .filter(([, count]) => count >= o.minLabelExamples)
    .map(([l]) => l)
    .sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  const weights = new Float64Array(kept.length * L);
  const bias = new Float64Array(L);
  const vectors: ReturnType<typeof vectorise>[] = [];
  for (const list of tokenised) {
    vectors.push(vectorise(list, vocabulary, idf));
    if (vectors.length % STEP === 0) yield;
  }
  const targets = examples.map((e) => {
    const y = new Uint8Array(L);
    for (const l of e.labels) {
      const i = labelIndex.get(l);
      if (i !== undefined) y[i] = 1;
    }
    return y;
  });

  const order = Int32Array.from({ length: n }, (_, i) => i);
  const next = random(o.seed);
  const scores = new Float64Array(L);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = o.learningRate / (1 + o.decay * epoch);
    let done = 0;
    for (const e of order) {
      if (++done % STEP === 0) yield;
      const { index, value } = vectors[e]!;
      const y = targets[e]!;
      scores.set(bias);
      for (let k = 0; k < index.length; k++) {
        const row = index[k]! * L;
        const x = value[k]!;
        for (let l = 0; l < L; l++) scores[l]! += weights[row + l]! * x;
      }
      for (let l = 0; l < L; l++) scores[l] = rate * (y[l]! - sigmoid(scores[l]!));
      for (let l = 0; l < L; l++) bias[l]! += scores[l]!;
      for (let k = 0; k < index.length; k++) {
        const row = index[k]! * L;
        const x = value[k]!;
        for (let l = 0; l < L; l++) weights[row + l]! += scores[l]! * x;
      }
    }
  }
  return {
    format: "item10-tfidf-ovr-logistic/1",
    bigrams: o.bigrams,
    terms: kept,
    idf,
    labels,
    weights,
    bias,
    examples: n,
  };
}

const vocabularies = new WeakMap<Model, Map<string, number>>();

/** Every label's probability for a text, highest first (ties by code), cut to `k`. */
export function predict(model: Model, text: string, k: number): Scored[] {
  let vocabulary = vocabularies.get(model);
  if (!vocabulary) {
    vocabulary = new Map(model.terms.map((t, i) => [t, i]));
    vocabularies.set(model, vocabulary);
  }
  const L = model.labels.length;
  const { index, value } = vectorise(terms(text, model.bigrams), vocabulary, model.idf);
  const scores = Float64Array.from(model.bias);
  for (let j = 0; j < index.length; j++) {
    const row = index[j]! * L;
    for (let l = 0; l < L; l++) scores[l]! += model.weights[row + l]! * value[j]!;
  }
  return model.labels
    .map((code, l) => ({ code, score: sigmoid(scores[l]!) }))
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1))
    .slice(0, k);
}

/** A model as JSON text; numbers keep their full precision, so a read-back model predicts the same. */
export function serialiseModel(model: Model): string {
  return JSON.stringify({ ...model, idf: [...model.idf], weights: [...model.weights], bias: [...model.bias] });
}

export function parseModel(json: string): Model {
  const raw = JSON.parse(json) as Omit<Model, "idf" | "weights" | "bias"> &
    Record<"idf" | "weights" | "bias", number[]>;
  if (raw.format !== "item10-tfidf-ovr-logistic/1") throw new Error(`not a model this version reads: ${raw.format}`);
  return {
    ...raw,
    idf: Float64Array.from(raw.idf),
    weights: Float64Array.from(raw.weights),
    bias: Float64Array.from(raw.bias),
  };
}

/**
 * Whether an example belongs to the held-out part of a split: decided by a hash of its stable
 * key (FNV-1a), so the split does not move when rows are added, removed or reordered.
 */
export function isHeldOut(key: string, percent = 20): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % 100 < percent;
}

/**
 * The k most frequent labels of the training examples: what a classifier must beat to be worth
 * showing (ties by code, so the baseline is deterministic too).
 */
export function majorityBaseline(examples: readonly LabelledText[], k: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const l of e.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([l]) => l);
}

/**
 * Mean over the examples that have at least one true label (an untagged example says nothing
 * about precision) of |top k ∩ truth| / k — a short list is not rewarded for being short.
 */
export function precisionAtK(
  predicted: readonly (readonly string[])[],
  actual: readonly (readonly string[])[],
  k: number,
) {
  return meanOver(predicted, actual, (hits) => hits / k, k);
}

/** Mean over the examples with a true label of |top k ∩ truth| / |truth|. */
export function recallAtK(
  predicted: readonly (readonly string[])[],
  actual: readonly (readonly string[])[],
  k: number,
) {
  return meanOver(predicted, actual, (hits, truth) => hits / truth, k);
}

function meanOver(
  predicted: readonly (readonly string[])[],
  actual: readonly (readonly string[])[],
  score: (hits: number, truth: number) => number,
  k: number,
): number {
  if (predicted.length !== actual.length) throw new Error("predicted and actual differ in length");
  let total = 0;
  let counted = 0;
  actual.forEach((truth, i) => {
    if (truth.length === 0) return;
    const set = new Set(truth);
    const hits = predicted[i]!.slice(0, k).filter((c) => set.has(c)).length;
    total += score(hits, set.size);
    counted++;
  });
  return counted === 0 ? 0 : total / counted;
}
