import { z } from "zod";
import { type Prisma, type Tx, type Prepared, type SqlStatements } from "../db/index.ts";
import { UPSERT_MISSED_CARDS } from "../flashcards/index.ts";
import { asChoiceOrder } from "./choice-order.ts";
import type { AnswerRow } from "./record-answer.ts";
import { storedGrade, storedResponse } from "./stored-grade.ts";

/**
 * How every statement that inserts an answer ends (after `WITH answer AS (INSERT INTO "Answer" …`): nothing at all
 * for an idempotency key already used, and the answer's missed-concept cards only when its row was written. `$1` is
 * the user, `$2` the question, `$3` the time and `$4` the missed concept ids.
 */
export const THEN_MISSED_CARDS = `ON CONFLICT ("userId", "idempotencyKey") DO NOTHING
    RETURNING id
  ), concepts AS (
    SELECT concept FROM answer, unnest($4::text[]) AS concept
  ), cards AS (${UPSERT_MISSED_CARDS})
  SELECT id FROM answer`;

// One statement is atomic on its own: the answer and its cards land together without a transaction's round trips,
// and the cards are written only when the answer row was (never for a resent idempotency key).
const INSERT_ANSWER_ONCE: Prepared = {
  name: "answer-insert-once",
  text: `WITH answer AS (
    INSERT INTO "Answer" (id, "userId", "questionId", "submittedAt", "questionVersionId", "roundQuestionId", source,
      "idempotencyKey", response, "choiceOrder", grade, verdict, score, "timeSpentSeconds")
    VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::timestamptz, $5::uuid, $6::uuid, $7::"AnswerSource",
      $8::text, $9::jsonb, $10::jsonb, $11::jsonb, $12::text, $13::float8, $14::int)
    ${THEN_MISSED_CARDS}`,
};

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/**
 * Inserts the answer and upserts its missed-concept cards in one statement. Returns the new answer's id, or
 * undefined when the row's idempotency key was already used by this user (then nothing is written).
 */
export async function insertAnswerOnce(
  sql: SqlStatements,
  row: AnswerRow,
  missedConcepts: readonly string[],
): Promise<string | undefined> {
  const [inserted] = await sql.query(
    INSERT_ANSWER_ONCE,
    [
      row.userId,
      row.questionId,
      row.submittedAt.toISOString(),
      missedConcepts,
      row.questionVersionId,
      row.roundQuestionId,
      row.source,
      row.idempotencyKey,
      json(row.response),
      json(row.choiceOrder),
      json(row.grade),
      row.verdict,
      row.score,
      row.timeSpentSeconds,
    ],
    insertedRow,
  );
  return inserted?.id;
}

/** The id a statement that inserts an answer returns (no row when nothing was written). */
export const insertedRow = z.object({ id: z.string() });

/** Inserts an answer row through Prisma, in the caller's transaction (closing a round grades its drafts there). */
export async function insertAnswer(db: Prisma | Tx, row: AnswerRow): Promise<string> {
  const { choiceOrder, ...columns } = row;
  const { id } = await db.answer.create({
    data: { ...columns, ...(choiceOrder ? { choiceOrder } : {}), grade: row.grade as object },
    select: { id: true },
  });
  return id;
}

/** The practice side of an idempotency key: what the earlier request with it stored, if any. */
export async function answerByKey(db: Prisma, userId: string, idempotencyKey: string) {
  const row = await db.answer.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: {
      id: true,
      source: true,
      response: true,
      grade: true,
      choiceOrder: true,
      questionVersionId: true,
      question: { select: { slug: true } },
    },
  });
  return row
    ? {
        ...row,
        response: storedResponse.parse(row.response),
        grade: storedGrade.parse(row.grade),
        choiceOrder: asChoiceOrder(row.choiceOrder),
      }
    : undefined;
}
