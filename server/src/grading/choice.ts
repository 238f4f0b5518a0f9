import type { ChoiceQuestion, GradeResult, Verdict } from "./types.ts";

/**
 * Multi-choice partial credit: score = max(0, correctPicked / totalCorrect − wrongPicked / totalWrong).
 * Picking everything therefore scores 0, and each wrong pick costs as much as the share of wrong options
 * it is. Ids that aren't choices of the question count as wrong picks.
 */
export function multiChoiceScore(
  correctPicked: number,
  totalCorrect: number,
  wrongPicked: number,
  totalWrong: number,
): number {
  const gained = totalCorrect > 0 ? correctPicked / totalCorrect : 0;
  return Math.max(0, gained - wrongPicked / Math.max(1, totalWrong));
}

function picks(answer: string | string[]): string[] {
  const list = Array.isArray(answer) ? answer : [answer];
  return [...new Set(list.map((id) => id.trim()).filter((id) => id.length > 0))];
}

function verdictOf(score: number): Verdict {
  if (score >= 1) return "correct";
  return score > 0 ? "partial" : "incorrect";
}

/** Single-choice is all or nothing; multi-choice earns partial credit as `multiChoiceScore` says. */
export function gradeChoice(question: ChoiceQuestion, answer: string | string[]): GradeResult {
  const picked = picks(answer);
  const byId = new Map(question.choices.map((c) => [c.id, c]));
  const correct = question.choices.filter((c) => c.correct);
  const correctPicked = correct.filter((c) => picked.includes(c.id));
  const wrongPicked = picked.filter((id) => !byId.get(id)?.correct);
  const flags: string[] = [];
  if (picked.length === 0) flags.push("empty");
  if (wrongPicked.length > 0) flags.push("wrong-choice");
  if (picked.some((id) => !byId.has(id))) flags.push("unknown-choice");
  if (question.type === "single-choice" && picked.length > 1) flags.push("several-choices");

  const raw =
    question.type === "single-choice"
      ? Number(picked.length === 1 && correctPicked.length === 1)
      : multiChoiceScore(
          correctPicked.length,
          correct.length,
          wrongPicked.length,
          question.choices.length - correct.length,
        );
  const score = Math.round(raw * 1000) / 1000;
  return {
    score,
    verdict: verdictOf(score),
    matched: correctPicked.map((c) => ({ concept: c.id, evidence: c.id })),
    missed: correct.filter((c) => !picked.includes(c.id)).map((c) => ({ concept: c.id, hint: c.feedback })),
    flags,
    choice: { expected: correct.map((c) => c.id), committed: picked },
    // A choice is read exactly: nothing about it is uncertain.
    confidence: "high",
    confidenceReasons: [],
  };
}
