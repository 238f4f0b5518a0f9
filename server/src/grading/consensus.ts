import type { ExemplarVote } from "./exemplars.ts";
import { VERDICT_THRESHOLDS } from "./score.ts";
import { isSpaceAt } from "./tokenize.ts";
import type { GradeResult, Verdict } from "./types.ts";

const ORDER: readonly Verdict[] = ["incorrect", "partial", "correct"];

/**
 * How sure the neighbours must be before their vote moves the rubric's verdict. Lowering is trusted sooner than
 * raising, and raising to correct least of all: a false pass costs a candidate more than a grade that is too strict.
 * Chosen on the blind sets, each left out of the vote it was measured on (docs/grading.md, "Exemplar vote").
 */
const LOWER_SHARE = 0.6;
const LOWER_TWO_STEPS_SHARE = 0.8;
const RAISE_TO_PARTIAL_SHARE = 0.7;
const RAISE_TO_CORRECT_SHARE = 0.95;
/** A vote this one-sided that agrees with the verdict makes it high confidence (97–98 % right on the blind sets). */
const CONFIDENT_SHARE = 0.7;
/** A plurality this large for incorrect is enough to doubt a "correct": it drops one step, to partial. */
const DOUBT_CORRECT_SHARE = 0.5;
/**
 * Long answers are where the rubric reads least reliably (they mix right and wrong claims and change their minds:
 * 65–68 % agreement on the fresh batches), so from this many words a "correct" stands only when the vote says so.
 * Leaving each file out, a 0.65 share passes the same number of right answers as 0.6 with two false passes fewer
 * (long answers arguing towards a wrong decision, whose neighbours were split).
 */
const LONG_ANSWER_WORDS = 80;
const LONG_CORRECT_SHARE = 0.65;
/**
 * A rubric score this far above the pass mark means the answer made most of the key points; a "partial" vote then
 * mostly says the answer is short, like the thin answers near it, so it lowers the grade only when near-unanimous.
 * Leaving each file out, a 0.6–0.9 "partial" vote against such a pass was wrong on all 27 answers of the sets other
 * people labelled (5 external, 22 dev/test) and right on 12 of 14 in the blind batches (docs/grading.md, "Clear
 * passes").
 */
const CLEAR_PASS_SCORE = 0.7;
const LOWER_CLEAR_PASS_SHARE = 0.9;

/** The share a vote for a lower verdict needs to move this result there. */
function lowerShare(result: GradeResult, to: Verdict): number {
  if (ORDER.indexOf(result.verdict) - ORDER.indexOf(to) > 1) return LOWER_TWO_STEPS_SHARE;
  return result.verdict === "correct" && result.score >= CLEAR_PASS_SCORE ? LOWER_CLEAR_PASS_SHARE : LOWER_SHARE;
}

/**
 * What the rubric found wrong is a fact about the answer, not a matter of wording, so no vote raises past it: a
 * wrong or negated choice, several choices or none, hedging, a misconception, a wrong fact, a keyword pile.
 */
const STATED_ERROR =
  /^(wrong-choice|negated-choice|several-choices|no-commitment|hedged|undecided|keyword-list|misconception:|wrong-fact:)/;

/** A score inside the verdict's band, so score and verdict never tell two stories. */
function scoreFor(verdict: Verdict, score: number): number {
  const { correct, partial } = VERDICT_THRESHOLDS;
  if (verdict === "correct") return Math.max(score, correct);
  if (verdict === "partial") return Math.min(Math.max(score, partial), Math.round((correct - 0.001) * 1000) / 1000);
  return Math.min(score, Math.round((partial - 0.001) * 1000) / 1000);
}

/** Runs of non-space characters, as `split(/\s+/)` would give them, counted without building them. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceAt(text, i);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function moved(result: GradeResult, vote: ExemplarVote, answer: string): Verdict {
  const from = ORDER.indexOf(result.verdict);
  const to = ORDER.indexOf(vote.label);
  if (result.verdict === "correct") {
    if (vote.label === "incorrect" && vote.share >= DOUBT_CORRECT_SHARE && vote.share < LOWER_TWO_STEPS_SHARE)
      return "partial";
    // Counted only here: a "correct" is the one verdict the answer's length can move.
    const long = countWords(answer) >= LONG_ANSWER_WORDS;
    if (long && !(vote.label === "correct" && vote.share >= LONG_CORRECT_SHARE)) return "partial";
  }
  if (to < from) return vote.share >= lowerShare(result, vote.label) ? vote.label : result.verdict;
  if (to - from !== 1 || result.flags.some((f) => STATED_ERROR.test(f))) return result.verdict;
  return vote.share >= (vote.label === "correct" ? RAISE_TO_CORRECT_SHARE : RAISE_TO_PARTIAL_SHARE)
    ? vote.label
    : result.verdict;
}

/**
 * The rubric's grade checked against how people graded the most similar answers to `answer`.
 * Where they clearly disagree the verdict moves one step (two only downwards), flagged `exemplars-raised` or
 * `exemplars-lowered`; a "correct" also needs the vote's support when the vote leans to incorrect or the answer is
 * long. The matched and missed points stay the rubric's, as the feedback. The grade is high confidence exactly when
 * a one-sided vote agrees with it; otherwise it is provisional, with the rubric's own reasons and `exemplars-disagree`.
 */
export function reconcileWithExemplars(result: GradeResult, vote: ExemplarVote | undefined, answer = ""): GradeResult {
  if (!vote) return result;
  const verdict = moved(result, vote, answer);
  const flags =
    verdict === result.verdict
      ? result.flags
      : [
          ...result.flags,
          ORDER.indexOf(verdict) > ORDER.indexOf(result.verdict) ? "exemplars-raised" : "exemplars-lowered",
        ];
  const confident = vote.label === verdict && vote.share >= CONFIDENT_SHARE;
  return {
    ...result,
    verdict,
    score: verdict === result.verdict ? result.score : scoreFor(verdict, result.score),
    flags,
    confidence: confident ? "high" : "low",
    confidenceReasons: confident ? [] : [...result.confidenceReasons, "exemplars-disagree"],
  };
}
