import type { Prisma, Tx } from "../db/index.ts";
import { missedConceptIds, recordMissedConcepts } from "../flashcards/index.ts";
import type { GradeResult, Lexicon } from "../grading/index.ts";
import { insertAnswer } from "./answer-repo.ts";
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

/** The columns of one Answer row (its id is the database's to give). */
export interface AnswerRow {
  userId: string;
  questionId: string;
  questionVersionId: string;
  roundQuestionId: string | null;
  source: "round" | "practice";
  idempotencyKey: string | null;
  response: AnswerValue;
  /** NULL when no order was kept. */
  choiceOrder: string[] | null;
  grade: GradeResult;
  verdict: GradeResult["verdict"];
  score: number;
  timeSpentSeconds: number | null;
  submittedAt: Date;
}

export interface GradedAnswer {
  grade: GradeResult;
  row: AnswerRow;
  /** The rubric concepts that become the user's personal cards. */
  missedConcepts: string[];
}

/**
 * What an answer puts into a history, whichever way it is written: graded against the exact version it answers
 * and stored with the full result (the automatic grade is never rewritten), and every missed concept as a card.
 * Pure, so practice (one SQL statement) and rounds (Prisma, in their transaction) store exactly the same.
 */
export function gradedAnswer(lexicon: Lexicon, a: AnswerToRecord): GradedAnswer {
  const grade = gradeAnswer(a.body, lexicon, a.response);
  return {
    grade,
    row: {
      userId: a.userId,
      questionId: a.questionId,
      questionVersionId: a.questionVersionId,
      roundQuestionId: a.roundQuestionId ?? null,
      source: a.source,
      idempotencyKey: a.idempotencyKey ?? null,
      response: a.response,
      choiceOrder: a.choiceOrder ? [...a.choiceOrder] : null,
      grade,
      verdict: grade.verdict,
      score: grade.score,
      timeSpentSeconds: a.timeSpentSeconds,
      submittedAt: a.submittedAt,
    },
    missedConcepts: missedConceptIds(a.body, grade),
  };
}

/**
 * Records a graded answer and its missed-concept cards through Prisma; runs in the caller's transaction so the
 * answer and its cards land together (rounds).
 */
export async function recordAnswer(
  db: Prisma | Tx,
  lexicon: Lexicon,
  a: AnswerToRecord,
): Promise<{ id: string; grade: GradeResult }> {
  const { grade, row, missedConcepts } = gradedAnswer(lexicon, a);
  const id = await insertAnswer(db, row);
  await recordMissedConcepts(db, {
    userId: row.userId,
    questionId: row.questionId,
    concepts: missedConcepts,
    now: row.submittedAt,
  });
  return { id, grade };
}
