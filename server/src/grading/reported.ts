import type { Token } from "./lexer.ts";
import { stem } from "./stem.ts";
import { wordClass } from "./word-classes.ts";

/**
 * Who else an answer may quote: "some people say Flink is best", "everyone talks about Kafka Streams". What they
 * say is reported, not claimed: it neither commits the answer to an option nor states a point or a misconception.
 */
const REPORTERS = new Set([
  "people",
  "some",
  "others",
  "many",
  "most",
  "everyone",
  "everybody",
  "folks",
  "vendors",
  "colleagues",
  "hype",
  "marketing",
  "juniors",
  "candidates",
  "critics",
  "fans",
  "blogs",
  "articles",
  "somebody",
  "someone",
  "lots",
  "manager",
  "director",
  "boss",
  "stakeholder",
  "stakeholders",
  "pm",
  "cto",
  "architect",
  "interviewer",
  "business",
]);
const REPORTER = wordClass(new Set([...REPORTERS, "you"]));
const REPORTING_STEMS = new Set(
  [
    "say",
    "claim",
    "argue",
    "believe",
    "assume",
    "suggest",
    "tout",
    "insist",
    "push",
    "swear",
    "talk",
    "think",
    "expect",
  ].map(stem),
);
/** "you might think / be tempted to": the listener's imagined view is reported too. */
const YOU_REPORTING_STEMS = new Set(["think", "tempt", "assume", "expect", "imagine"].map(stem));
/** How far the reporting verb may follow its reporter: "some people would say", "many teams will argue". */
const REPORT_WINDOW = 3;
/** Where the speaker takes over again: "…, but that is overkill", "…; I'd use Structured Streaming". */
const SPEAKER_RETURNS = new Set([
  "but",
  "however",
  "yet",
  "though",
  "although",
  "whereas",
  "i",
  "we",
  "actually",
  "instead",
]);
const SENTENCE_END = /[.!?;:\n]/;
/** "the reverse of what people assume: …", "faster than people think": the view reported lies elsewhere. */
const NOT_A_FRAME_AFTER = new Set(["what", "than", "as", "how"]);

function reportingVerbAfter(tokens: Token[], i: number, answer: string): number {
  const verbs = tokens[i]!.word === "you" ? YOU_REPORTING_STEMS : REPORTING_STEMS;
  for (let k = i + 1; k <= i + REPORT_WINDOW && k < tokens.length; k++) {
    if (SENTENCE_END.test(answer.slice(tokens[k - 1]!.end, tokens[k]!.start))) return -1;
    if (SPEAKER_RETURNS.has(tokens[k]!.word)) return -1;
    if (verbs.has(tokens[k]!.stem)) return k;
  }
  return -1;
}

/** Marks 1 for each token of a view the answer attributes to someone else, up to where the speaker resumes. */
export function findReported(tokens: Token[], answer: string): number[] {
  const reported = new Array<number>(tokens.length).fill(0);
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i]!.classes & REPORTER) === 0) continue;
    if (NOT_A_FRAME_AFTER.has(tokens[i - 1]?.word ?? "") || NOT_A_FRAME_AFTER.has(tokens[i - 2]?.word ?? "")) continue;
    const verb = reportingVerbAfter(tokens, i, answer);
    if (verb < 0) continue;
    let k = verb + 1;
    while (
      k < tokens.length &&
      !SPEAKER_RETURNS.has(tokens[k]!.word) &&
      !SENTENCE_END.test(answer.slice(tokens[k - 1]!.end, tokens[k]!.start))
    ) {
      reported[k++] = 1;
    }
    i = k - 1;
  }
  return reported;
}
