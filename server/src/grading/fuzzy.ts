import { distance } from "fastest-levenshtein";
import { stem } from "./stem.ts";

const MEMO_LIMIT = 20_000;

/** Typos a word of this length may carry: none up to 3 letters, 1 up to 7, 2 beyond. */
export function maxEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

function swapAt(word: string, i: number): string {
  return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
}

/**
 * Levenshtein distance where one adjacent transposition also counts as a single edit
 * ("flnik" → flink is 1), which plain Levenshtein scores as 2.
 */
export function editDistance(a: string, b: string): number {
  let best = distance(a, b);
  if (best <= 1) return best;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== a[i + 1]) best = Math.min(best, 1 + distance(swapAt(a, i), b));
  }
  return best;
}

/** Same-length words at Levenshtein 1 differ by one substituted letter ("lake"/"late"), not a slip. */
function isSubstitution(a: string, b: string): boolean {
  return a.length === b.length && distance(a, b) === 1;
}

function acceptable(word: string, target: string, edits: number): boolean {
  const allowed = maxEdits(word.length);
  if (edits === 0 || edits > allowed || maxEdits(target.length) === 0) return false;
  // Short words one substitution apart are usually two real words, so only slips count there.
  return !(word.length <= 5 && isSubstitution(word, target));
}

/**
 * Corrects answer words onto vocabulary words. Only unknown words are corrected (a correctly spelled
 * word, above all an option name such as "kappa", is never bent into another), the first letter must
 * agree (typos rarely hit it), and a tie between two
 * different targets corrects nothing.
 */
export class FuzzyIndex {
  private readonly byInitial = new Map<string, string[]>();
  private readonly memo = new Map<string, string | null>();

  constructor(
    targets: Iterable<string>,
    private readonly isKnown: (word: string) => boolean,
  ) {
    for (const target of new Set(targets)) {
      if (maxEdits(target.length) === 0 || /\d/.test(target)) continue;
      const list = this.byInitial.get(target.charAt(0)) ?? [];
      list.push(target);
      this.byInitial.set(target.charAt(0), list);
    }
  }

  /** The vocabulary word `word` is a typo of, or undefined. */
  correct(word: string): string | undefined {
    let hit = this.memo.get(word);
    if (hit === undefined) {
      hit = this.search(word);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, hit);
    }
    return hit ?? undefined;
  }

  private search(word: string): string | null {
    if (maxEdits(word.length) === 0 || /\d/.test(word) || this.isKnown(word)) return null;
    let best: string | null = null;
    let bestEdits = Infinity;
    let tied = false;
    for (const target of this.byInitial.get(word.charAt(0)) ?? []) {
      if (Math.abs(target.length - word.length) > maxEdits(word.length)) continue;
      const edits = editDistance(word, target);
      if (!acceptable(word, target, edits) || edits > bestEdits) continue;
      if (edits === bestEdits) tied ||= best !== null && stem(best) !== stem(target);
      else tied = false;
      if (edits < bestEdits) [best, bestEdits] = [target, edits];
    }
    return tied ? null : best;
  }
}
