/**
 * The question bank's vocabulary, shared by every mode that shows questions. The lists are the server's own
 * (server/src/content/bank-lists.ts, a module without dependencies, so the two cannot disagree); the types of what the
 * API sends come from its schemas.
 */
import type { Difficulty, QuestionType, Section } from "../../../server/src/content/bank-lists.ts";
import type { AnswerValue, Question } from "./api-types";

export { DIFFICULTIES, QUESTION_TYPES, SECTIONS } from "../../../server/src/content/bank-lists.ts";
export type { Difficulty, QuestionType, Section };

/** Free text is a string, single choice one choice id, multiple choice an array of ids. */
export type { AnswerValue };

export const SECTION_LABELS: Record<Section, string> = {
  "spark-batch": "Spark batch",
  "spark-streaming": "Spark Structured Streaming",
  flink: "Flink",
  "kafka-streams": "Kafka Streams",
  comparison: "Comparison",
  scenarios: "Scenarios",
  "hybrid-architectures": "Hybrid architectures",
  faq: "FAQ",
  "interview-signal": "Interview signal",
};

export const TYPE_LABELS: Record<QuestionType, string> = {
  "single-choice": "Single choice",
  "multi-choice": "Multiple choice",
  "free-text": "Free text",
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };

export type Choice = NonNullable<Question["choices"]>[number];

/**
 * `revealed` laid out in the order `shown` was presented, so the feedback lines up with what the candidate saw;
 * anything `shown` did not list keeps its place after.
 */
export function inShownOrder<C extends Choice>(revealed: C[], shown: Choice[] | undefined): C[] {
  const rank = new Map((shown ?? []).map((c, index) => [c.id, index]));
  const rankOf = (c: C) => rank.get(c.id) ?? rank.size;
  return [...revealed].sort((a, b) => rankOf(a) - rankOf(b));
}

// The server may add a section before this client is redeployed; show its id rather than nothing.
export const sectionLabel = (id: string) => SECTION_LABELS[id as Section] ?? id;
export const typeLabel = (id: string) => TYPE_LABELS[id as QuestionType] ?? id;
export const difficultyLabel = (id: string) => DIFFICULTY_LABELS[id as Difficulty] ?? id;

export function isBlankAnswer(answer: AnswerValue | null | undefined): boolean {
  if (answer === null || answer === undefined) return true;
  return typeof answer === "string" ? answer.trim() === "" : answer.length === 0;
}

export function emptyAnswer(type: QuestionType): AnswerValue {
  return type === "multi-choice" ? [] : "";
}

/** Which choice ids an answer picked, whatever its shape. */
export function pickedChoices(answer: AnswerValue | null | undefined): Set<string> {
  if (answer === null || answer === undefined || answer === "") return new Set();
  return new Set(typeof answer === "string" ? [answer] : answer);
}

export function sameAnswer(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return false;
}
