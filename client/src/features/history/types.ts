import type { AnswerValue, QuestionType } from "../../lib/questions";

export type GradeVerdict = "correct" | "partial" | "incorrect";
export type Person = { id: string; displayName: string };

export type AutoGrade = {
  score: number;
  verdict: GradeVerdict;
  matched: { concept: string; evidence: string }[];
  missed: { concept: string; hint: string }[];
  flags: string[];
  choice?: { expected: string[]; committed: string[] };
  confidence?: "high" | "low";
  confidenceReasons?: string[];
};

export type Override = {
  id: string;
  verdict: GradeVerdict;
  score: number;
  fromVerdict: string;
  fromScore: number;
  reason: string;
  by: Person;
  at: string;
};

export type Comment = { id: string; body: string; author: Person & { role: "candidate" | "mentor" }; at: string };

export type HistoryItem = {
  id: string;
  candidateId: string;
  question: { slug: string; title: string; section: string; type: QuestionType; prompt: string; version: number };
  /** The question this one followed up; the server lists it right after that answer when both are on a page. */
  followUpOf?: string;
  source: "round" | "practice";
  roundId: string | null;
  answer: AnswerValue;
  autoGrade: AutoGrade;
  effectiveGrade: { verdict: GradeVerdict; score: number; overridden: boolean };
  overrides: Override[];
  commentCount: number;
  submittedAt: string;
  timeSpentSeconds: number | null;
  timeBudgetSeconds: number;
};

export type HistoryPage = { items: HistoryItem[]; nextCursor: string | null };

export type AnswerDetail = HistoryItem & {
  candidate: Person;
  comments: Comment[];
  reviewed: boolean;
  /** For a follow-up: the answer it followed up. */
  parentAnswer?: { id: string; slug: string } | null;
  /** The answers to this question's follow-ups given after it. */
  followUpAnswers?: { id: string; slug: string }[];
  reveal: {
    explanation: string;
    modelAnswer?: string;
    concepts?: Record<string, { label: string; explanation: string }>;
    choices?: { id: string; text: string; correct: boolean; feedback: string }[];
    options?: Record<string, string>;
  };
};

export type HistoryFilters = {
  section?: string;
  type?: string;
  verdict?: string;
  source?: string;
  from?: string;
  to?: string;
};

export type Progress = {
  candidateId: string;
  mastery: { section: string; mastery: number; level: "strong" | "developing" | "weak"; answers: number; lastAnswerAt: string }[];
  rounds: { roundId: string; startedAt: string; questions: number; answered: number; score: number }[];
  decisionMatrix: {
    rows: string[];
    columns: string[];
    labels: Record<string, string>;
    cells: { expected: string; committed: string; count: number }[];
    total: number;
    correct: number;
  };
  time: {
    questions: { slug: string; title: string; section: string; answers: number; medianSeconds: number; budgetSeconds: number; ratio: number; slow: boolean }[];
    sections: { section: string; answers: number; questions: number; slowQuestions: number; meanRatio: number }[];
  };
};

export type Link = { id: string; candidate: Person & { email: string }; mentor: Person & { email: string }; createdAt: string };
