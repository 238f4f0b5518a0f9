import type { Prisma, Tx } from "../db/index.ts";
import { execute, sql, type Sql } from "../db/index.ts";
import { Prisma as PrismaNs } from "../generated/prisma/client.ts";
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
 * this one, with the concept ids (distinct) as the rows of a CTE `concepts`.
 */
export const upsertMissedCards = (p: { user: Sql; question: Sql; now: Sql }): Sql =>
  sql`INSERT INTO "Card" (id, "userId", kind, "questionId", "conceptId", due, "createdAt", "updatedAt")
  SELECT gen_random_uuid(), ${p.user}, 'missed'::"CardKind", ${p.question}, concept, ${p.now}, ${p.now}, ${p.now}
  FROM concepts
  ON CONFLICT ("userId", "questionId", "conceptId") DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt"`;

/**
 * The same statement as text for prepared statements that number their own parameters (questions/answer-repo):
 * `$1` user, `$2` question, `$3` now. The placeholders are constant text, never values.
 */
export const UPSERT_MISSED_CARDS = upsertMissedCards({
  user: PrismaNs.raw("$1::uuid"),
  question: PrismaNs.raw("$2::uuid"),
  now: PrismaNs.raw("$3::timestamptz"),
}).text;

export async function recordMissedConcepts(
  db: Prisma | Tx,
  input: { userId: string; questionId: string; concepts: readonly string[]; now: Date },
): Promise<void> {
  if (input.concepts.length === 0) return;
  const now = sql`${input.now.toISOString()}::timestamptz`;
  await execute(
    db,
    sql`WITH concepts AS (SELECT unnest(string_to_array(${input.concepts.join("\u001f")}::text, chr(31))) AS concept)
    ${upsertMissedCards({ user: sql`${input.userId}::uuid`, question: sql`${input.questionId}::uuid`, now })}`,
  );
}
