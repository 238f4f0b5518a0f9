import { stemmer } from "stemmer";
import { COMPARATIVES, IRREGULAR_FORMS, NEGATOR_FORMS } from "./words.ts";

/** Stemming is the hottest call in grading and the vocabulary of answers is small, so results are kept. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/**
 * Porter stem, with common comparatives ("cheaper" → cheap) and irregular verb forms ("built" → build) folded
 * first, since Porter keeps them apart; negators of one meaning share the stem "not" (see NEGATOR_FORMS).
 */
export function stem(word: string): string {
  let hit = memo.get(word);
  if (hit === undefined) {
    const negator = NEGATOR_FORMS.get(word);
    hit = negator ?? stemmer(COMPARATIVES.get(word) ?? IRREGULAR_FORMS.get(word) ?? word);
    // A long-running server sees unbounded distinct typos; cap the memo rather than grow forever.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, hit);
  }
  return hit;
}
