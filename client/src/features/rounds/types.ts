import type { GradedAnswer } from "../../components/grading/types";
import type { AnswerValue, Choice, QuestionType } from "../../lib/questions";

export type RoundStatus = "open" | "finished" | "expired";

export type RoundQuestion = {
  slug: string;
  position: number;
  type: QuestionType;
  section: string;
  difficulty: string;
  /** Absent while the question is a locked follow-up. */
  title?: string;
  /** Absent while the question is a locked follow-up. */
  prompt?: string;
  choices?: Choice[];
  /** A follow-up: the question it follows up, earlier in the round. */
  followUpOf?: string;
  /** A follow-up whose parent is not answered yet: its prompt is withheld and nothing can be saved for it. */
  locked?: true;
  /** This question's follow-ups in the round, once it is answered. */
  followUps?: { slug: string }[];
  timeBudgetSeconds: number;
  draft: AnswerValue | null;
  answer: AnswerValue | null;
  answeredAt: string | null;
  /** Flagged by the candidate to come back to before finishing. */
  flagged: boolean;
};

export type RoundResultItem = GradedAnswer & {
  slug: string;
  title: string;
  section: string;
  prompt: string;
  timeSpentSeconds: number | null;
  /** Never submitted: the last saved draft became the answer when the round closed. */
  gradedFromDraft: boolean;
  followUpOf?: string;
  /** A follow-up never reached: the round closed before its parent was submitted. */
  notReached?: boolean;
};

export type RoundTotals = {
  questions: number;
  correct: number;
  partial: number;
  incorrect: number;
  unanswered: number;
  score: number;
  maxScore: number;
  percent: number;
};

/** GET /api/rounds/:id, and the body of POST /api/rounds and POST …/finish. */
export type RoundState = {
  id: string;
  status: RoundStatus;
  startedAt: string;
  deadline: string;
  closedAt: string | null;
  serverNow: string;
  graceSeconds: number;
  questions: RoundQuestion[];
  results?: { items: RoundResultItem[]; totals: RoundTotals };
};

/**
 * A round state plus how far the server's clock is ahead of this device's, measured when the response arrived.
 * The countdown runs on the server's clock: the device's may be minutes out, and only the server decides when
 * time is up.
 */
export type Round = RoundState & { clockOffsetMs: number };

export type RoundSummary = {
  id: string;
  status: RoundStatus;
  startedAt: string;
  deadline: string;
  closedAt: string | null;
  questionCount: number;
  totals?: RoundTotals;
};
