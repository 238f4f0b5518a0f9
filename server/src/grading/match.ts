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
  for (let r = 0; r < held.length; r++) {
    if (held[r] === 0) continue;
    const term = terms.patterns[r]!;
    for (const m of findMatches(term, tokens, index)) {
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
  return a.terms().some((t) => t.from <= m.from && m.to <= t.to && !own.has(t.key));
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
  return m.used.some((i) => {
    const cue = negation.negatedBy[i]!;
    return cue >= 0 && !m.used.includes(cue);
  });
}

function describesRejected(m: Match, negation: Negation): boolean {
  return m.used.some((i) => negation.aboutRejected[i] === 1);
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
  if (m.used.every((i) => a.disowned[i] === 1)) return;
  // A misconception under "if" is entertained, not held: "only if micro-batches were too slow would we…".
  if (!forCredit && m.used.every((i) => a.supposed[i] === 1)) return;
  if (forCredit && isCopied(m.used, a.tokens, a.echoed)) return;
  if (isNegated(m, a.negation) || (forCredit && describesRejected(m, a.negation))) pick.sawNegated = true;
  else pick.best = m;
}

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
  const pick: Pick = { best: undefined, sawNegated: false };
  for (const pattern of patterns)
    for (const m of findMatches(pattern, a.tokens, a.index)) consider(pick, m, a, own, forCredit);
  let reordered = false;
  if (!pick.best) {
    for (const pattern of loose)
      for (const m of findUnordered(pattern, a.tokens, a.index)) consider(pick, m, a, undefined, forCredit);
    reordered = pick.best !== undefined;
  }
  const best = pick.best;
  if (!best) return { state: pick.sawNegated ? "negated" : "absent" };
  const evidence = a.answer.slice(a.tokens[best.from]!.start, a.tokens[best.to]!.end);
  return { state: "matched", evidence, used: best.used, loose: reordered || !isTight(best, a.tokens) };
}
