import type { GradeResult, Lexicon } from "../grading/index.ts";
import { type StoredGrade, revealAnswer, titleOf, type VersionBody } from "../questions/index.ts";
import type { Totals } from "./schemas.ts";

export interface GradedSlot {
  body: VersionBody;
  choiceOrder: readonly string[] | null;
  answer: {
    response: string | string[];
    grade: StoredGrade;
    timeSpentSeconds: number | null;
    idempotencyKey: string | null;
  } | null;
}

/** What an unanswered question teaches: every key point, as if all were missed. */
function unansweredGrade(body: VersionBody): GradeResult {
  const missed =
    body.type === "free-text" ? body.resolvedRubric.concepts.map((c) => ({ concept: c.id, hint: c.hint })) : [];
  return { score: 0, verdict: "incorrect", matched: [], missed, flags: [], confidence: "high", confidenceReasons: [] };
}

/** A submitted answer always carries the client's idempotency key; a draft graded when the round closed never does. */
export const isGradedFromDraft = (answer: { idempotencyKey: string | null }): boolean => answer.idempotencyKey === null;

export function resultItem(slot: GradedSlot, lexicon: Pick<Lexicon, "options">) {
  const grade = slot.answer?.grade ?? unansweredGrade(slot.body);
  return {
    ...grade,
    slug: slot.body.slug,
    title: titleOf(slot.body),
    section: slot.body.section,
    prompt: slot.body.prompt,
    type: slot.body.type,
    answer: slot.answer?.response ?? null,
    verdict: slot.answer ? grade.verdict : ("unanswered" as const),
    timeSpentSeconds: slot.answer?.timeSpentSeconds ?? null,
    gradedFromDraft: slot.answer !== null && isGradedFromDraft(slot.answer),
    ...revealAnswer(slot.body, lexicon, slot.choiceOrder),
  };
}

export function totalsOf(items: { verdict: string; score: number }[]): Totals {
  const count = (v: string) => items.filter((i) => i.verdict === v).length;
  const score = Math.round(items.reduce((sum, i) => sum + i.score, 0) * 1000) / 1000;
  return {
    questions: items.length,
    correct: count("correct"),
    partial: count("partial"),
    incorrect: count("incorrect"),
    unanswered: count("unanswered"),
    score,
    maxScore: items.length,
    percent: items.length ? Math.round((100 * score) / items.length) : 0,
  };
}

/** True when a draft holds nothing worth grading. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}
