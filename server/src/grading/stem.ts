import { stemmer } from "stemmer";
import { COMPARATIVES } from "./words.ts";

/** Stemming is the hottest call in grading and the vocabulary of answers is small, so results are kept. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** Porter stem, with common comparatives folded first ("cheaper" → cheap) since Porter keeps them apart. */
export function stem(word: string): string {
  let hit = memo.get(word);
  if (hit === undefined) {
    hit = stemmer(COMPARATIVES.get(word) ?? word);
    // A long-running server sees unbounded distinct typos; cap the memo rather than grow forever.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, hit);
  }
  return hit;
}
