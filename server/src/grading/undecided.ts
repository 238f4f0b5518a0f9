import { isSpaceAt } from "./tokenize.ts";

/**
 * An answer whose last words are "it (really) depends", or "it depends on the requirements/use case", leaves the
 * question open however much it listed before: every such answer on the labelled sets was labelled incorrect.
 * "It depends on whether the limit is hard" names the condition and is not caught.
 */
export const UNDECIDED_ENDING =
  /\bit\s+(?:really\s+|all\s+|just\s+)?depends(?:\s+on\s+(?:the|your)\s+(?:requirements?|use[\s-]case|situation|context|needs))?[\s.!…]*$/i;

/**
 * A closing sentence that hands the decision back: "each has pros and cons", "all of them could work", "the right
 * one depends", "… depending on the team". After a menu of alternatives it says nothing was picked.
 */
const OPEN_CLOSE = new RegExp(
  [
    String.raw`\b(?:each|all|any|every|both)\s+(?:one\s+)?(?:of\s+(?:them|these|those|the\s+\w+)\s+)?(?:has|have|comes?\s+with|involves?)\s+(?:its\s+|their\s+)?(?:own\s+)?(?:\w+\s+)?(?:pros\s+and\s+cons|trade[\s-]?offs?|upsides?\s+and\s+downsides?)`,
    String.raw`\b(?:all|any|each|every\s+one)\s+(?:of\s+(?:them|these|those)\s+|three\s+|two\s+)?(?:could|can|would|might|will)\s+(?:\w+\s+)?work`,
    String.raw`\bthe\s+(?:right|best)\s+(?:one|choice|option|answer|pick)\s+depends`,
    String.raw`\bit\s+(?:really\s+|all\s+|just\s+)?depends\b`,
    String.raw`\bdepending\s+on\b`,
  ].join("|"),
  "i",
);

/** "X, Y or Z": a short list item between a comma and "or". */
const LIST_BEFORE_OR = /,\s*(?:[\w'/+.-]+\s+){0,2}[\w'/+.-]+\s+or\b/i;

/** Sentence ends, keeping the mark with the sentence it closes. */
const SENTENCE_END = /(?<=[.!?;])\s+/;

/**
 * A menu of alternatives: one sentence offering three or more things joined by "or" ("X, or Y, or Z", "X, Y or Z")
 * or announcing them ("the options are: …"). "I'd use X; Y or Z would also work" offers two and picks one.
 */
function offersMenu(answer: string): boolean {
  return answer.split(SENTENCE_END).some((sentence) => {
    const ors = sentence.match(/\bor\b/gi)?.length ?? 0;
    const commas = sentence.match(/,/g)?.length ?? 0;
    return (
      ors >= 2 ||
      (ors >= 1 && commas >= 2) ||
      LIST_BEFORE_OR.test(sentence) ||
      /\b(?:options|choices|alternatives)\s*(?:are|include)?\s*:/i.test(sentence) ||
      /\b(?:options|choices|alternatives)\s+(?:are|include)\b/i.test(sentence)
    );
  });
}

/**
 * The answer leaves the question open: it closes on a bare "it depends", or it lays out a menu of alternatives and
 * closes by handing the choice back ("You could X, or Y, or Z. Each has trade-offs."). Naming every option without
 * committing is what interviewers mark incorrect; every such answer on the labelled sets was labelled so.
 */
export function isUndecided(answer: string): boolean {
  const last = lastSentence(answer);
  return endsUndecided(answer, last) || (OPEN_CLOSE.test(last) && offersMenu(answer));
}

/**
 * Whether the answer ends "it (really) depends …", as `UNDECIDED_ENDING` reads the whole answer. Such an ending lies
 * in `last`, the last sentence with a word in it (no sentence break fits inside the ending, and only marks and space
 * can follow it), so only the text from there on is searched.
 */
export function endsUndecided(answer: string, last = lastSentence(answer)): boolean {
  return last !== "" && UNDECIDED_ENDING.test(answer.slice(answer.lastIndexOf(last)));
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || c === 95 || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * The last sentence with an ASCII letter, digit or underscore in it (`\w`), sentences ending where white space
 * follows ".", "!" or "?" (as `split(/(?<=[.!?])\s+/)` cuts them), or "". Read from the end: only the last sentence
 * is ever needed.
 */
export function lastSentence(answer: string): string {
  const text = answer.trim();
  let end = text.length;
  let worded = false;
  for (let i = text.length - 1; i >= 0; i--) {
    if (!isSpaceAt(text, i)) {
      worded ||= isWordChar(text.charCodeAt(i));
      continue;
    }
    let start = i;
    while (start > 0 && isSpaceAt(text, start - 1)) start--;
    const mark = text.charCodeAt(start - 1);
    if (start > 0 && (mark === 46 || mark === 33 || mark === 63)) {
      if (worded) return text.slice(i + 1, end);
      end = start;
    }
    i = start;
  }
  return worded ? text.slice(0, end) : "";
}
