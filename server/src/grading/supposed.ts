import { CONDITION_WORDS } from "./cues.ts";
import type { Token } from "./lexer.ts";
import { wordClass } from "./word-classes.ts";

const SUPPOSING = wordClass(new Set([...CONDITION_WORDS, "suppose", "supposing"]));

/**
 * Marks the words of each condition, from "if" to the end of its segment: "if micro-batches were too slow, …",
 * "only if we needed sub-second would Flink pay off". What a condition supposes is not a claim of the answer.
 */
export function findSupposed(tokens: Token[]): number[] {
  const supposed = new Array<number>(tokens.length).fill(0);
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i]!.classes & SUPPOSING) === 0) continue;
    const seg = tokens[i]!.seg;
    while (i < tokens.length && tokens[i]!.seg === seg) supposed[i++] = 1;
    i--;
  }
  return supposed;
}
