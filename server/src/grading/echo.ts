import type { Lexer, Token } from "./lexer.ts";
import { FUNCTION_WORDS } from "./words.ts";

/** This many content words in a row, in the prompt's order, are copied from it rather than said. */
const ECHO_RUN = 3;
/**
 * Restating the question's constraints is part of a good answer ("30 seconds is fine, the team knows Spark"),
 * so copied words only stop counting when they make up at least this share of the answer's content words.
 */
const ECHO_SHARE = 0.5;

const contentOf = (tokens: Token[]) => tokens.flatMap((t, i) => (FUNCTION_WORDS.has(t.word) ? [] : [{ stem: t.stem, i }]));
const key = (stems: string[]) => stems.join(" ");

/** Every run of `ECHO_RUN` content stems of the prompt, compiled once per rubric. */
export function promptRuns(lexer: Lexer, prompt: string | undefined): Set<string> {
  const runs = new Set<string>();
  if (!prompt) return runs;
  const stems = contentOf(lexer.lex(prompt, false)).map((c) => c.stem);
  for (let i = 0; i + ECHO_RUN <= stems.length; i++) runs.add(key(stems.slice(i, i + ECHO_RUN)));
  return runs;
}

/**
 * Marks the answer's words that repeat the prompt, when the answer is mostly the prompt echoed back: runs of
 * content words copied in the prompt's order ("a daily warehouse refresh of 500 GB"), with the grammar words
 * between them. A key point made only of copied words restates the question; it shows nothing.
 */
export function findEchoed(tokens: Token[], runs: Set<string>): Uint8Array {
  const echoed = new Uint8Array(tokens.length);
  if (runs.size === 0) return echoed;
  const content = contentOf(tokens);
  const copied = new Uint8Array(content.length);
  for (let k = 0; k + ECHO_RUN <= content.length; k++) {
    const window = content.slice(k, k + ECHO_RUN);
    if (!runs.has(key(window.map((c) => c.stem)))) continue;
    copied.fill(1, k, k + ECHO_RUN);
    echoed.fill(1, window[0]!.i, window[ECHO_RUN - 1]!.i + 1);
  }
  const share = content.length > 0 ? copied.reduce((sum, x) => sum + x, 0) / content.length : 0;
  return share >= ECHO_SHARE ? echoed : new Uint8Array(tokens.length);
}

/** A match whose content words were all copied from the prompt ("every night" of "every night you must…"). */
export function isCopied(used: number[], tokens: Token[], echoed: Uint8Array): boolean {
  let copied = false;
  for (const i of used) {
    if (echoed[i] === 1) copied = true;
    else if (!FUNCTION_WORDS.has(tokens[i]!.word)) return false;
  }
  return copied;
}
