import type { Verdict } from "./types.ts";

/** An answer a person graded: the grader learns from these what its rubric phrases cannot say. */
export interface Exemplar {
  question: string;
  answer: string;
  label: Verdict;
  /** Where it was recorded (a calibration file's name), so it can be left out when that source is measured. */
  source: string;
}

/** How the people who graded the answers most like this one graded them. */
export interface ExemplarVote {
  label: Verdict;
  /** The share of the neighbours' similarity-weighted votes that went to `label` (0..1). */
  share: number;
}

/** Which exemplars may vote: left-out sources, and any exemplar with the same text as the answer. */
export interface VoteOptions {
  withoutSource?: string;
}

export interface ExemplarBank {
  vote(question: string, answer: string, options?: VoteOptions): ExemplarVote | undefined;
}

const VERDICTS: readonly Verdict[] = ["incorrect", "partial", "correct"];
/** How many of the most similar answers vote (measured 5–11 on the blind sets; 7 did best, leaving each set out). */
const NEIGHBOURS = 7;
/** With fewer labelled answers than this a question's vote is noise, so it has none. */
const MIN_EXEMPLARS = 20;
/**
 * An answer needs this many different words of four letters or more for its neighbours to say anything about it:
 * "I don't know" is nearest to whatever labelled answer opens with those words, which says nothing of its worth.
 * Shorter answers are the rubric's alone (on the labelled sets the cut changed no verdict but such non-answers').
 */
const MIN_CONTENT_WORDS = 4;

/** A word cut to a rough stem: the longest of -ing, -ed, -es, -s goes. */
function stem(word: string): string {
  if (word.endsWith("ing")) return word.slice(0, -3);
  if (word.endsWith("ed") || word.endsWith("es")) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}
const wordsOf = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);

/**
 * A question's vocabulary: its exemplars' stemmed words and the pairs of neighbouring words, so "micro batches"
 * meets "micro-batch" and order within a pair counts ("not exactly-once" differs from "exactly-once"). Terms are
 * numbered (words first, then pairs) so that grading looks each word up once and never builds a string.
 */
class Vocabulary {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<number, number>();

  /** Numbers every term of the texts; call once, before `termsOf`. */
  constructor(texts: readonly string[]) {
    const split = texts.map(wordsOf);
    for (const ws of split) for (const w of ws) if (!this.words.has(w)) this.words.set(w, this.words.size);
    for (const ws of split)
      for (let i = 1; i < ws.length; i++) {
        const key = this.words.get(ws[i - 1]!)! * this.words.size + this.words.get(ws[i]!)!;
        if (!this.pairs.has(key)) this.pairs.set(key, this.words.size + this.pairs.size);
      }
  }

  get size(): number {
    return this.words.size + this.pairs.size;
  }

  /** The text's known terms, as numbers, sorted (a term repeats as often as it occurs). */
  termsOf(text: string): number[] {
    const ids = wordsOf(text).map((w) => this.words.get(w) ?? -1);
    const out = ids.filter((id) => id >= 0);
    for (let i = 1; i < ids.length; i++) {
      if (ids[i - 1]! < 0 || ids[i]! < 0) continue;
      const pair = this.pairs.get(ids[i - 1]! * this.words.size + ids[i]!);
      if (pair !== undefined) out.push(pair);
    }
    return out.sort((a, b) => a - b);
  }
}

interface Vector {
  terms: number[];
  weights: number[];
}

/** Sublinear term frequency times inverse document frequency, unit length: cosine similarity is a dot product. */
function vectorOf(sortedTerms: readonly number[], idf: Float64Array): Vector {
  const vector: Vector = { terms: [], weights: [] };
  let norm = 0;
  for (let i = 0; i < sortedTerms.length;) {
    let j = i;
    while (j < sortedTerms.length && sortedTerms[j] === sortedTerms[i]) j++;
    const weight = (1 + Math.log(j - i)) * idf[sortedTerms[i]!]!;
    vector.terms.push(sortedTerms[i]!);
    vector.weights.push(weight);
    norm += weight * weight;
    i = j;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < vector.weights.length; k++) vector.weights[k]! /= norm;
  return vector;
}

interface Postings {
  exemplar: Int32Array;
  weight: Float64Array;
}

interface QuestionIndex {
  vocabulary: Vocabulary;
  idf: Float64Array;
  labels: Verdict[];
  sources: string[];
  texts: string[];
  /** By term: the exemplars holding it, with its weight there; only exemplars sharing a term are visited. */
  postings: Postings[];
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

function indexQuestion(exemplars: Exemplar[]): QuestionIndex {
  const vocabulary = new Vocabulary(exemplars.map((e) => e.answer));
  const termsOf = exemplars.map((e) => vocabulary.termsOf(e.answer));
  const documentFrequency = new Float64Array(vocabulary.size);
  for (const ts of termsOf) for (const t of new Set(ts)) documentFrequency[t]!++;
  const idf = documentFrequency.map((df) => Math.log((exemplars.length + 1) / (df + 0.5)));
  const lists: [number, number][][] = Array.from({ length: vocabulary.size }, () => []);
  termsOf.forEach((ts, i) => {
    const { terms: vt, weights } = vectorOf(ts, idf);
    vt.forEach((t, k) => lists[t]!.push([i, weights[k]!]));
  });
  return {
    vocabulary,
    idf,
    labels: exemplars.map((e) => e.label),
    sources: exemplars.map((e) => e.source),
    texts: exemplars.map((e) => normalize(e.answer)),
    postings: lists.map((list) => ({
      exemplar: Int32Array.from(list, ([i]) => i),
      weight: Float64Array.from(list, ([, w]) => w),
    })),
  };
}

/** The NEIGHBOURS most similar exemplars that may vote, most similar first (ties: the earlier exemplar). */
function nearest(similarity: Float64Array, allowed: (i: number) => boolean): [number, number][] {
  const top: [number, number][] = [];
  for (let i = 0; i < similarity.length; i++) {
    const s = similarity[i]!;
    if (s <= 0 || (top.length === NEIGHBOURS && s <= top[NEIGHBOURS - 1]![1]) || !allowed(i)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < s) at--;
    top.splice(at, 0, [i, s]);
    if (top.length > NEIGHBOURS) top.pop();
  }
  return top;
}

/**
 * Indexes labelled answers by question. The vote weighs each of the most similar answers by its squared cosine
 * similarity, so a near-paraphrase counts far more than an answer sharing a few common words.
 */
export function buildExemplarBank(exemplars: readonly Exemplar[]): ExemplarBank {
  const byQuestion = new Map<string, Exemplar[]>();
  for (const e of exemplars) {
    const list = byQuestion.get(e.question);
    if (list) list.push(e);
    else byQuestion.set(e.question, [e]);
  }
  // Indexing every question takes ~0.6 s, most of loading the bank; each is indexed when first graded instead,
  // so start-up, content:check and tests that never grade a question don't pay for it.
  const indexes = new Map<string, QuestionIndex>();
  const indexOf = (question: string): QuestionIndex | undefined => {
    const list = byQuestion.get(question);
    if (!list || list.length < MIN_EXEMPLARS) return undefined;
    let index = indexes.get(question);
    if (!index) indexes.set(question, (index = indexQuestion(list)));
    return index;
  };

  return {
    vote(question, answer, options = {}) {
      const index = indexOf(question);
      if (!index || new Set(answer.toLowerCase().match(/[a-z]{4,}/g)).size < MIN_CONTENT_WORDS) return undefined;
      const text = options.withoutSource === undefined ? "" : normalize(answer);
      const allowed = (i: number) =>
        options.withoutSource === undefined || (index.sources[i] !== options.withoutSource && index.texts[i] !== text);
      const similarity = new Float64Array(index.labels.length);
      const query = vectorOf(index.vocabulary.termsOf(answer), index.idf);
      query.terms.forEach((t, q) => {
        const list = index.postings[t]!;
        for (let k = 0; k < list.exemplar.length; k++)
          similarity[list.exemplar[k]!]! += query.weights[q]! * list.weight[k]!;
      });
      const votes = [0, 0, 0];
      let total = 0;
      for (const [i, s] of nearest(similarity, allowed)) {
        votes[VERDICTS.indexOf(index.labels[i]!)]! += s * s;
        total += s * s;
      }
      if (total === 0) return undefined;
      const best = votes.indexOf(Math.max(...votes));
      return { label: VERDICTS[best]!, share: votes[best]! / total };
    },
  };
}
