import type { AnswerValue, CheckResult, GradeResult, RoundResultItem } from "../../lib/api-types";
import type { QuestionType } from "../../lib/questions";

export type Verdict = RoundResultItem["verdict"];

export type RevealedChoice = NonNullable<CheckResult["choices"]>[number];

/**
 * A graded answer with everything revealed after answering. Practice checks and round results both have this
 * shape, so one set of components renders either. `choice` and `options` serve "which framework" questions;
 * `confidence` "low" makes a free-text grade provisional.
 */
export type GradedAnswer = Pick<
  GradeResult,
  "score" | "matched" | "missed" | "flags" | "choice" | "confidence" | "confidenceReasons"
> &
  Pick<CheckResult, "explanation" | "modelAnswer" | "concepts" | "choices" | "options"> & {
    type: QuestionType;
    /** null when a round closed before the question was answered. */
    answer: AnswerValue | null;
    verdict: Verdict;
  };

export type HeadingLevel = 2 | 3 | 4;

/** Whose answer is on screen: the reader's own, or a candidate's being reviewed by a mentor. */
export type Reader = "self" | "reviewer";

export const WORDING = {
  self: {
    answer: "Your answer",
    notes: "Notes on your answer",
    covered: "What you covered",
    missed: "What you missed",
    none: "You didn't answer this question.",
    rightChoice: "You chose",
  },
  reviewer: {
    answer: "The candidate's answer",
    notes: "Notes on the answer",
    covered: "What they covered",
    missed: "What they missed",
    none: "The candidate didn't answer this question.",
    rightChoice: "They chose",
  },
} as const;
