import { type Prisma, type Tx, execute, numbered, sql } from "../db/index.ts";
import type { GradeResult } from "../grading/index.ts";

/** The concepts a graded answer turns into personal cards: only free text has rubric concepts to miss. */
export function missedConceptIds(body: { type: string }, grade: Pick<GradeResult, "missed">): string[] {
  return body.type === "free-text" ? [...new Set(grade.missed.map((m) => m.concept))] : [];
}

/**
 * A graded free-text answer that missed rubric concepts gives the user one personal card per (question, concept):
 * created new and due now, or — when it exists — only touched (its text is computed from the question's current
 * version, and its schedule only ever changes through a logged review). A suspended card stays suspended.
 * One statement, so concurrent gradings cannot duplicate a card. Every statement that writes these cards embeds
 * this one, with the concept ids (distinct) as the rows of a CTE `concepts`: `$1` is the user (uuid), `$2` the
 * question (uuid), `$3` the time (timestamptz). Prepared statements embed the text (THEN_MISSED_CARDS in
 * questions/answer-repo.ts); Prisma binds it with `numbered`.
 */
export const UPSERT_MISSED_CARDS = `INSERT INTO "Card" (id, "userId", kind, "questionId", "conceptId", due, "createdAt", "updatedAt")
  SELECT gen_random_uuid(), $1::uuid, 'missed'::"CardKind", $2::uuid, concept, $3::timestamptz, $3::timestamptz, $3::timestamptz
  FROM concepts
  ON CONFLICT ("userId", "questionId", "conceptId") DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt"`;

export async function recordMissedConcepts(
  db: Prisma | Tx,
  input: { userId: string; questionId: string; concepts: readonly string[]; now: Date },
): Promise<void> {
  if (input.concepts.length === 0) return;
  const upsert = numbered(UPSERT_MISSED_CARDS, [input.userId, input.questionId, input.now.toISOString()]);
  await execute(
    db,
    sql`WITH concepts AS (SELECT unnest(string_to_array(${input.concepts.join("\u001f")}::text, chr(31))) AS concept)
    ${upsert}`,
  );
}
