import type { Token } from "./lexer.ts";
import type { Negation } from "./negation.ts";
import { findMatches, isTight, type Match, type Pattern, type StemIndex } from "./phrases.ts";

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
  /** Where rubric terms occur word for word; computed on first need, since most answers never ask. */
  terms: () => TermSpan[];
}

export function findTermSpans(terms: Map<string, Pattern[]>, tokens: Token[], index: StemIndex): TermSpan[] {
  const out: TermSpan[] = [];
  for (const first of index.keys()) {
    for (const term of terms.get(first) ?? []) {
      for (const m of findMatches(term, tokens, index)) {
        if (isTight(m, tokens)) out.push({ from: m.from, to: m.to, key: term.stems.join(" ") });
      }
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

export type MatchState = "matched" | "negated" | "absent";

export interface PhraseHit {
  state: MatchState;
  /** For a match, the exact original text that showed it. */
  evidence?: string;
  used?: number[];
}

/** A match counts unless a negation from outside it covers one of its words ("not bounded"). */
function isNegated(m: Match, negation: Negation): boolean {
  return m.used.some((i) => {
    const cue = negation.negatedBy[i]!;
    return cue >= 0 && !m.used.includes(cue);
  });
}

function describesRejected(m: Match, negation: Negation): boolean {
  return m.used.some((i) => negation.aboutRejected[i] === 1);
}

/**
 * The earliest occurrence of any of the patterns that the answer actually asserts. With
 * `skipRejected`, words that describe an option the answer rejects do not count either.
 */
export function findPhrase(patterns: Pattern[], own: Set<string>, a: Analysis, skipRejected: boolean): PhraseHit {
  let best: Match | undefined;
  let sawNegated = false;
  for (const pattern of patterns) {
    for (const m of findMatches(pattern, a.tokens, a.index)) {
      if (best && m.from >= best.from) break;
      if (isSwallowed(m, a, own)) continue;
      if (isNegated(m, a.negation) || (skipRejected && describesRejected(m, a.negation))) sawNegated = true;
      else best = m;
    }
  }
  if (!best) return { state: sawNegated ? "negated" : "absent" };
  const evidence = a.answer.slice(a.tokens[best.from]!.start, a.tokens[best.to]!.end);
  return { state: "matched", evidence, used: best.used };
}
