import type { AnswerValue, QuestionType } from "../../lib/questions";

export type Verdict = "correct" | "partial" | "incorrect" | "unanswered";

export type RevealedChoice = { id: string; text: string; correct: boolean; feedback: string };

/**
 * A graded answer with everything revealed after answering. Practice checks and round results both have this
 * shape, so one set of components renders either.
 */
export type GradedAnswer = {
  type: QuestionType;
  /** null when a round closed before the question was answered. */
  answer: AnswerValue | null;
  verdict: Verdict;
  score: number;
  matched: { concept: string; evidence: string }[];
  missed: { concept: string; hint: string }[];
  flags: string[];
  explanation: string;
  modelAnswer?: string;
  concepts?: Record<string, { label: string; explanation: string }>;
  choices?: RevealedChoice[];
  /** "Which framework" questions: the options the question wanted and the ones the answer committed to. */
  choice?: { expected: string[]; committed: string[] };
  /** Labels of the options such a question weighs. */
  options?: Record<string, string>;
  /** Free text: "low" makes the grade provisional (absent on grades stored before the grader reported it). */
  confidence?: "high" | "low";
  confidenceReasons?: string[];
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
