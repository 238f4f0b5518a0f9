import { findCommitment } from "../../../server/src/grading/commitment.ts";
import { compile } from "../../../server/src/grading/compile.ts";
import { findMentions } from "../../../server/src/grading/mentions.ts";
import { analyzeNegation } from "../../../server/src/grading/negation.ts";
import { indexStems } from "../../../server/src/grading/phrases.ts";
import { findRetracted } from "../../../server/src/grading/retraction.ts";
import type { ResolvedRubric } from "../../../server/src/grading/types.ts";
import { dailyRefresh, lexicon } from "./fixtures.ts";

/** Runs the engine's analysis stages on an answer and exposes what each one concluded. */
export function analyze(answer: string, rubric: ResolvedRubric = dailyRefresh) {
  const compiled = compile(rubric, lexicon);
  const tokens = compiled.lexer.lex(answer, true);
  const index = indexStems(tokens);
  const mentions = findMentions(compiled.options, tokens, index);
  const negation = analyzeNegation(tokens, mentions);
  return {
    compiled,
    tokens,
    index,
    mentions,
    negation,
    mentioned: mentions.map((m) => m.option),
    negatedWords: tokens.filter((_, i) => negation.negatedBy[i]! >= 0).map((t) => t.word),
    negatedOptions: mentions.filter((_, i) => negation.mentionNegatedBy[i]! >= 0).map((m) => m.option),
    aboutRejected: tokens.filter((_, i) => negation.aboutRejected[i] === 1).map((t) => t.word),
    commitment: findCommitment(tokens, mentions, negation, compiled.expected, findRetracted(tokens, answer), answer),
  };
}
