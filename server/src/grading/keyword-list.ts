import type { Token } from "./lexer.ts";
import { FUNCTION_WORDS } from "./words.ts";

/** Below this share of grammar words, text is a list of terms rather than sentences. */
export const MAX_LIST_FUNCTION_SHARE = 0.1;
/** Short comma-separated fragments with little grammar between them are a list too. */
const MAX_FRAGMENT_WORDS = 3;
const MAX_FRAGMENT_FUNCTION_SHARE = 0.2;
const MIN_WORDS = 4;
const MIN_FRAGMENTS = 3;
/** One short clause without commas is a terse sentence ("Everything goes through one pipeline"), not a list. */
const MIN_UNBROKEN_LIST_WORDS = 8;
/**
 * Relation symbols stand for a verb in shorthand ("SLA = next day", "throughput > latency", "=> Spark"),
 * so each one counts as a grammar word.
 */
const RELATION_SYMBOLS = /=>|->|>>|<=|>=|[=<>]/g;
/** Notes of at least this many lines, each this many words on average, are statements, not a dump of terms. */
const MIN_NOTE_LINES = 3;
const MIN_WORDS_PER_NOTE_LINE = 3;

function countRelations(answer: string): number {
  return answer.match(RELATION_SYMBOLS)?.length ?? 0;
}

/** "- batch layer: complete, accurate, slow\n- speed layer: …\n- cost: duplicate logic, two pipelines": notes. */
function isNotes(tokens: Token[], answer: string): boolean {
  if (answer.indexOf("\n") < 0) return false;
  const lines = answer.split("\n").filter((l) => /\p{L}/u.test(l)).length;
  return lines >= MIN_NOTE_LINES && tokens.length / lines >= MIN_WORDS_PER_NOTE_LINE;
}

/**
 * True when the answer is a dump of terms ("Flink, exactly-once, watermarks, low latency") rather than
 * reasoning in sentences. Such an answer can hit every concept phrase without explaining anything.
 */
export function isKeywordList(tokens: Token[], answer = ""): boolean {
  if (tokens.length < MIN_WORDS || isNotes(tokens, answer)) return false;
  const relations = countRelations(answer);
  let grammar = relations;
  let fragments = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (FUNCTION_WORDS.has(tokens[i]!.word)) grammar++;
    if (tokens[i]!.seg !== tokens[i - 1]?.seg) fragments++;
  }
  const functionShare = grammar / (tokens.length + relations);
  if (functionShare < MAX_LIST_FUNCTION_SHARE && (fragments > 1 || tokens.length >= MIN_UNBROKEN_LIST_WORDS)) return true;
  const wordsPerFragment = tokens.length / fragments;
  return (
    fragments >= MIN_FRAGMENTS && wordsPerFragment <= MAX_FRAGMENT_WORDS && functionShare < MAX_FRAGMENT_FUNCTION_SHARE
  );
}
