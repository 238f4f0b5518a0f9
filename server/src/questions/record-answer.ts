import type { Prisma, Tx } from "../db/database.ts";
import { recordMissedConcepts } from "../flashcards/missed-cards.ts";
import type { GradeResult, Lexicon } from "../grading/types.ts";
import { gradeAnswer, type AnswerValue } from "./grade-answer.ts";
import type { VersionBody } from "./present.ts";

export interface AnswerToRecord {
  userId: string;
  questionId: string;
  questionVersionId: string;
  body: VersionBody;
  response: AnswerValue;
  source: "round" | "practice";
  roundQuestionId?: string;
  idempotencyKey?: string;
  /** Practice only: the order the choices were shown in (a round's order lives on its RoundQuestion). */
  choiceOrder?: readonly string[] | null;
  timeSpentSeconds: number | null;
  submittedAt: Date;
}

/**
 * The one way an answer enters a history: graded against the exact version it answers, stored with the full
 * result (the automatic grade is never rewritten), and every missed concept turned into a personal card.
 * Runs in the caller's transaction so the answer and its cards land together.
 */
export async function recordAnswer(db: Prisma | Tx, lexicon: Lexicon, a: AnswerToRecord): Promise<{ id: string; grade: GradeResult }> {
  const grade = gradeAnswer(a.body, lexicon, a.response);
  const { id } = await db.answer.create({
    data: {
      userId: a.userId,
      questionId: a.questionId,
      questionVersionId: a.questionVersionId,
      roundQuestionId: a.roundQuestionId ?? null,
      source: a.source,
      idempotencyKey: a.idempotencyKey ?? null,
      response: a.response,
      ...(a.choiceOrder ? { choiceOrder: [...a.choiceOrder] } : {}),
      grade: grade as object,
      verdict: grade.verdict,
      score: grade.score,
      timeSpentSeconds: a.timeSpentSeconds,
      submittedAt: a.submittedAt,
    },
    select: { id: true },
  });
  await recordMissedConcepts(db, { userId: a.userId, questionId: a.questionId, missed: grade.missed, body: a.body, now: a.submittedAt });
  return { id, grade };
}
