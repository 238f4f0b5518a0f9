import type { Token } from "./lexer.ts";
import { isCopied } from "./echo.ts";
import type { Negation } from "./negation.ts";
import {
  findMatches,
  findUnordered,
  isTight,
  type PatternTable,
  type LoosePattern,
  type Match,
  type Pattern,
  type StemIndex,
} from "./phrases.ts";

/** Where a multi-word term of the rubric or lexicon occurs word for word. */
export interface TermSpan {
  from: number;
  to: number;
  key: string;
}

/** The answer, prepared once and shared by every matcher. */
export interface Analysis {
  answer: string;
  tokens: Token[];
  index: StemIndex;
  negation: Negation;
  /**
   * 1 for each token of a position the answer does not hold as its own: taken back ("my first thought was …
   * actually, no") or only reported ("some people say Flink is best").
   */
  disowned: number[];
  /** 1 for each token copied from the question's prompt. */
  echoed: number[];
  /** 1 for each token of a condition ("if we needed X", "unless Y"): supposed, not claimed. */
  supposed: number[];
  /** Where rubric terms occur word for word; computed on first need, since most answers never ask. */
  terms: () => TermSpan[];
}

/** A multi-word term, with its stems joined by spaces (see `TermSpan.key`). */
export interface TermPattern extends Pattern {
  key: string;
}

export function findTermSpans(terms: PatternTable<TermPattern>, tokens: Token[], index: StemIndex): TermSpan[] {
  const out: TermSpan[] = [];
  const held = terms.held(index);
  for (let h = 0; h < held.length; h++) {
    const term = terms.patterns[held[h]!]!;
    const matches = findMatches(term, tokens, index);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      if (isTight(m, tokens)) out.push({ from: m.from, to: m.to, key: term.key });
    }
  }
  return out;
}

/**
 * A loose match lying inside another term written out in full doesn't count: "event … time" inside
 * "event at a time" is not event time.
 */
function isSwallowed(m: Match, a: Analysis, own: Set<string>): boolean {
  if (isTight(m, a.tokens)) return false;
  for (const t of a.terms()) if (t.from <= m.from && m.to <= t.to && !own.has(t.key)) return true;
  return false;
}

type MatchState = "matched" | "negated" | "absent";

export interface PhraseHit {
  state: MatchState;
  /** For a match, the exact original text that showed it. */
  evidence?: string;
  used?: number[];
  /** The match skipped content words or took the phrase's words out of order. */
  loose?: boolean;
}

/** A match counts unless a negation from outside it covers one of its words ("not bounded"). */
export function isNegated(m: Match, negation: Negation): boolean {
  for (const i of m.used) {
    const cue = negation.negatedBy[i]!;
    if (cue >= 0 && !m.used.includes(cue)) return true;
  }
  return false;
}

function describesRejected(m: Match, negation: Negation): boolean {
  for (const i of m.used) if (negation.aboutRejected[i] === 1) return true;
  return false;
}

/** Whether every position `used` holds is marked 1 in `marks`. */
export function allMarked(used: number[], marks: number[]): boolean {
  for (const i of used) if (marks[i] !== 1) return false;
  return true;
}

interface Pick {
  best: Match | undefined;
  sawNegated: boolean;
}

/** Keeps `m` when it is asserted and earlier (or, at the same start, tighter) than the best so far. */
function consider(pick: Pick, m: Match, a: Analysis, own: Set<string> | undefined, forCredit: boolean): void {
  const best = pick.best;
  if (best && (m.from > best.from || (m.from === best.from && m.to >= best.to))) return;
  if (own && isSwallowed(m, a, own)) return;
  if (allMarked(m.used, a.disowned)) return;
  // A misconception under "if" is entertained, not held: "only if micro-batches were too slow would we…".
  if (!forCredit && allMarked(m.used, a.supposed)) return;
  if (forCredit && isCopied(m.used, a.tokens, a.echoed)) return;
  if (isNegated(m, a.negation) || (forCredit && describesRejected(m, a.negation))) pick.sawNegated = true;
  else pick.best = m;
}

/** Scratch for `findPhrase`, which nothing it calls re-enters; most concepts are absent and allocate nothing. */
const pick: Pick = { best: undefined, sawNegated: false };
export const ABSENT: Readonly<PhraseHit> = Object.freeze({ state: "absent" });
const NEGATED: Readonly<PhraseHit> = Object.freeze({ state: "negated" });

/**
 * The earliest occurrence of any of the patterns that the answer actually asserts. With
 * `forCredit` (a key point earning credit), words that describe an option the answer rejects, or that were
 * copied from the prompt, do not count either. When nothing
 * matches in order, the `loose` patterns may match with their words reordered (see `findUnordered`);
 * those have three or more content words, so the check for a loose match inside another term is skipped.
 */
export function findPhrase(
  patterns: Pattern[],
  own: Set<string>,
  a: Analysis,
  forCredit: boolean,
  loose: readonly LoosePattern[] = [],
): PhraseHit {
  pick.best = undefined;
  pick.sawNegated = false;
  // Indexed loops: the matchers return either fresh arrays or one frozen empty one, and iterating both kinds
  // with for…of allocated an iterator result per step.
  for (let p = 0; p < patterns.length; p++) {
    const matches = findMatches(patterns[p]!, a.tokens, a.index);
    for (let k = 0; k < matches.length; k++) consider(pick, matches[k]!, a, own, forCredit);
  }
  let reordered = false;
  if (!pick.best) {
    for (let p = 0; p < loose.length; p++) {
      const matches = findUnordered(loose[p]!, a.tokens, a.index);
      for (let k = 0; k < matches.length; k++) consider(pick, matches[k]!, a, undefined, forCredit);
    }
    reordered = pick.best !== undefined;
  }
  // Read through a cast: the compiler cannot see `consider` set what the reset above cleared.
  const best = pick.best as Match | undefined;
  if (!best) return pick.sawNegated ? NEGATED : ABSENT;
  const evidence = a.answer.slice(a.tokens[best.from]!.start, a.tokens[best.to]!.end);
  return { state: "matched", evidence, used: best.used, loose: reordered || !isTight(best, a.tokens) };
}
