import type { Lexer, Token } from "./lexer.ts";
import { FUNCTION_WORD } from "./words.ts";

/** This many content words in a row, in the prompt's order, are copied from it rather than said. */
const ECHO_RUN = 3;
/**
 * Restating the question's constraints is part of a good answer ("30 seconds is fine, the team knows Spark"),
 * so copied words only stop counting when they make up at least this share of the answer's content words.
 */
const ECHO_SHARE = 0.5;

/** Indexes of the content words (not grammar words). */
function contentOf(tokens: Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) if ((tokens[i]!.classes & FUNCTION_WORD) === 0) out.push(i);
  return out;
}

const keyAt = (tokens: Token[], content: number[], k: number) =>
  `${tokens[content[k]!]!.stem} ${tokens[content[k + 1]!]!.stem} ${tokens[content[k + 2]!]!.stem}`;

/** The prompt's content stems and its runs of `ECHO_RUN` of them, compiled once per rubric. */
export interface PromptRuns {
  stems: Set<string>;
  runs: Set<string>;
}

export function promptRuns(lexer: Lexer, prompt: string | undefined): PromptRuns {
  const runs = new Set<string>();
  const tokens = lexer.lex(prompt ?? "", false);
  const content = contentOf(tokens);
  for (let k = 0; k + ECHO_RUN <= content.length; k++) runs.add(keyAt(tokens, content, k));
  return { stems: new Set(content.map((i) => tokens[i]!.stem)), runs };
}

/**
 * Marks the answer's words that repeat the prompt, when the answer is mostly the prompt echoed back: runs of
 * content words copied in the prompt's order ("a daily warehouse refresh of 500 GB"), with the grammar words
 * between them. A key point made only of copied words restates the question; it shows nothing.
 */
export function findEchoed(tokens: Token[], prompt: PromptRuns): number[] {
  const echoed = new Array<number>(tokens.length).fill(0);
  if (prompt.runs.size === 0) return echoed;
  const content = contentOf(tokens);
  // Most answers share too few words with the prompt to be an echo: no need to look for runs, nor to read on once
  // the words left could no longer make up the share.
  const needed = ECHO_SHARE * content.length;
  let shared = 0;
  for (let k = 0; k < content.length; k++) {
    if (prompt.stems.has(tokens[content[k]!]!.stem)) shared++;
    else if (shared + (content.length - k - 1) < needed) return echoed;
  }
  if (shared < needed) return echoed;
  const copied = new Array<number>(content.length).fill(0);
  for (let k = 0; k + ECHO_RUN <= content.length; k++) {
    if (!prompt.runs.has(keyAt(tokens, content, k))) continue;
    copied.fill(1, k, k + ECHO_RUN);
    echoed.fill(1, content[k]!, content[k + ECHO_RUN - 1]! + 1);
  }
  const share = content.length > 0 ? copied.reduce((sum, x) => sum + x, 0) / content.length : 0;
  return share >= ECHO_SHARE ? echoed : new Array<number>(tokens.length).fill(0);
}

/** A match whose content words were all copied from the prompt ("every night" of "every night you must…"). */
export function isCopied(used: number[], tokens: Token[], echoed: number[]): boolean {
  let copied = false;
  for (const i of used) {
    if (echoed[i] === 1) copied = true;
    else if ((tokens[i]!.classes & FUNCTION_WORD) === 0) return false;
  }
  return copied;
}
