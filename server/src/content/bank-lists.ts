/**
 * The question bank's fixed lists, in the order every list shows them: the one definition for the server (content
 * files, request validation) and the web client (filters, pickers). The client imports this file itself, so it stays
 * free of imports and of anything a browser cannot run.
 */
export const SECTIONS = [
  "spark-batch",
  "spark-streaming",
  "flink",
  "kafka-streams",
  "comparison",
  "scenarios",
  "hybrid-architectures",
  "faq",
  "interview-signal",
] as const;

export type Section = (typeof SECTIONS)[number];

export const QUESTION_TYPES = ["single-choice", "multi-choice", "free-text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
