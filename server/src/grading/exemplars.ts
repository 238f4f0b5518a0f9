import { SimilarityKernel, type QueryVector, type StoredPostings } from "./similarity/kernel.ts";
import type { Verdict } from "./types.ts";
import { hasContentWords, Vocabulary, type Spelling, type TermCounts } from "./vocabulary.ts";

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
  /** `spellings`, when given, are the answer's words as written, in order, as the lexer read them (lexer.ts). */
  vote(
    question: string,
    answer: string,
    options?: VoteOptions,
    spellings?: readonly Spelling[],
  ): ExemplarVote | undefined;
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

/** 1 + ln(count) for the counts most terms have, so the common case is a table read. */
const SUBLINEAR = Float64Array.from({ length: 16 }, (_, count) => 1 + Math.log(count));

/**
 * The vector of counted terms, into `into` (room for `counted.length` terms): sublinear term frequency times inverse
 * document frequency (`idf`), unit length, so cosine similarity is a dot product.
 */
function weigh(counted: TermCounts, idf: Float64Array, into: QueryVector): void {
  const n = counted.length;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const term = counted.terms[k]!;
    const count = counted.counts[k]!;
    const weight = (count < SUBLINEAR.length ? SUBLINEAR[count]! : 1 + Math.log(count)) * idf[term]!;
    into.terms[k] = term;
    into.weights[k] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < n; k++) into.weights[k]! /= norm;
}

interface QuestionIndex {
  /** The kernel whose memory holds the postings. */
  kernel: SimilarityKernel;
  vocabulary: Vocabulary;
  labels: Verdict[];
  sources: string[];
  texts: string[];
  /** By term number, its inverse document frequency. */
  idf: Float64Array;
  /**
   * By term: the exemplars holding it, with its weight there, so only exemplars sharing a term are visited; one run
   * per term in one array for all terms, kept in the kernel's memory.
   */
  postings: StoredPostings;
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

function indexQuestion(exemplars: Exemplar[], kernel: SimilarityKernel): QuestionIndex {
  const vocabulary = new Vocabulary(exemplars.map((e) => e.answer));
  const counted = exemplars.map((e) => {
    const { terms, counts, length } = vocabulary.countTerms(e.answer.toLowerCase());
    return { terms: terms.slice(0, length), counts: counts.slice(0, length), length };
  });
  const documentFrequency = new Float64Array(vocabulary.size);
  for (const c of counted) for (const t of c.terms) documentFrequency[t]!++;
  const idf = documentFrequency.map((df) => Math.log((exemplars.length + 1) / (df + 0.5)));
  const starts = new Int32Array(vocabulary.size + 1);
  documentFrequency.forEach((df, t) => (starts[t + 1] = starts[t]! + df));
  const lists: [number, number][][] = Array.from({ length: vocabulary.size }, () => []);
  counted.forEach((c, i) => {
    const v = { terms: new Int32Array(c.length), weights: new Float64Array(c.length) };
    weigh(c, idf, v);
    for (let k = 0; k < c.length; k++) lists[v.terms[k]!]!.push([i, v.weights[k]!]);
  });
  const all = lists.flat();
  return {
    kernel,
    vocabulary,
    labels: exemplars.map((e) => e.label),
    sources: exemplars.map((e) => e.source),
    texts: exemplars.map((e) => normalize(e.answer)),
    idf,
    postings: kernel.store(
      starts,
      Int32Array.from(all, ([i]) => i),
      Float64Array.from(all, ([, w]) => w),
      exemplars.length,
    ),
  };
}

/** Scratch for `nearest`, reused like the index's (one slot spare for the insertion shift). */
const top = { ids: new Int32Array(NEIGHBOURS + 1), sims: new Float64Array(NEIGHBOURS + 1), n: 0 };

/**
 * Of the voting question's `count` exemplars (their similarities in `similarity`), the NEIGHBOURS most similar that
 * may vote, most similar first (ties: the earlier exemplar), in a buffer the next call overwrites.
 */
function nearest(similarity: Float64Array, count: number, allowed: ((i: number) => boolean) | undefined): typeof top {
  const { ids, sims } = top;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const s = similarity[i]!;
    if (s <= 0 || (n === NEIGHBOURS && s <= sims[NEIGHBOURS - 1]!) || (allowed !== undefined && !allowed(i))) continue;
    let at = n;
    while (at > 0 && sims[at - 1]! < s) {
      ids[at] = ids[at - 1]!;
      sims[at] = sims[at - 1]!;
      at--;
    }
    ids[at] = i;
    sims[at] = s;
    if (n < NEIGHBOURS) n++;
  }
  top.n = n;
  return top;
}

/**
 * Which exemplars may vote: all (undefined, as on the app's path), or with `withoutSource` none from that source nor
 * any with the same text as the answer.
 */
function allowedBy(index: QuestionIndex, options: VoteOptions, answer: string): ((i: number) => boolean) | undefined {
  const source = options.withoutSource;
  if (source === undefined) return undefined;
  const text = normalize(answer);
  return (i) => index.sources[i] !== source && index.texts[i] !== text;
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
  // One kernel per bank, made when the first question is indexed, so a bank that never grades has none.
  let kernel: SimilarityKernel | undefined;
  const indexOf = (question: string): QuestionIndex | undefined => {
    const list = byQuestion.get(question);
    if (!list || list.length < MIN_EXEMPLARS) return undefined;
    let index = indexes.get(question);
    if (!index) indexes.set(question, (index = indexQuestion(list, (kernel ??= new SimilarityKernel()))));
    return index;
  };

  return {
    vote(question, answer, options = {}, spellings) {
      const index = indexOf(question);
      if (!index) return undefined;
      const lower = answer.toLowerCase();
      if (!hasContentWords(lower, MIN_CONTENT_WORDS)) return undefined;
      const counted = spellings ? index.vocabulary.countSpellings(spellings) : index.vocabulary.countTerms(lower);
      const allowed = allowedBy(index, options, answer);
      weigh(counted, index.idf, index.kernel.query(counted.length));
      const similarity = index.kernel.similarities(index.postings, counted.length);
      const votes = [0, 0, 0];
      let total = 0;
      const near = nearest(similarity, index.labels.length, allowed);
      for (let k = 0; k < near.n; k++) {
        const s = near.sims[k]!;
        votes[VERDICTS.indexOf(index.labels[near.ids[k]!]!)]! += s * s;
        total += s * s;
      }
      if (total === 0) return undefined;
      const best = votes.indexOf(Math.max(...votes));
      return { label: VERDICTS[best]!, share: votes[best]! / total };
    },
  };
}
