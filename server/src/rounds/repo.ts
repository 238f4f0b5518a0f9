import type { Prisma, Tx } from "../db/database.ts";
import type { SqlRunner } from "../db/sql-runner.ts";
import type { GradeResult } from "../grading/types.ts";
import { asChoiceOrder } from "../questions/choice-order.ts";
import { versionBodies } from "../questions/version-bodies.ts";

const roundInclude = {
  questions: {
    orderBy: { position: "asc" },
    include: {
      answer: {
        select: { id: true, response: true, grade: true, submittedAt: true, timeSpentSeconds: true, idempotencyKey: true },
      },
    },
  },
} as const;

/** A round with its questions and answers; `userId` restricts it to that owner. */
export async function findRound(db: Prisma | Tx, id: string, userId?: string) {
  const round = await db.round.findFirst({ where: { id, ...(userId ? { userId } : {}) }, include: roundInclude });
  if (!round) return undefined;
  const bodies = await versionBodies(db, round.questions.map((q) => q.questionVersionId));
  return {
    ...round,
    questions: round.questions.map((q) => ({
      ...q,
      body: bodies.get(q.questionVersionId)!,
      choiceOrder: asChoiceOrder(q.choiceOrder),
      answer: q.answer ? { ...q.answer, grade: q.answer.grade as unknown as GradeResult } : null,
    })),
  };
}

export type LoadedRound = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/**
 * Locks the round row for the rest of the transaction. Saves and answers take a shared lock, closing takes an
 * exclusive one, so an answer is either in before the round closes or refused after — never half of each.
 */
export async function lockRound(tx: Tx, id: string, userId: string | undefined, mode: "share" | "update") {
  const rows = await tx.$queryRawUnsafe<{ status: string; deadline: Date; startedAt: Date }[]>(
    `SELECT status, deadline, "startedAt" FROM "Round" WHERE id = $1::uuid ${userId ? `AND "userId" = $2::uuid` : ""}
     FOR ${mode === "share" ? "SHARE" : "UPDATE"}`,
    ...(userId ? [id, userId] : [id]),
  );
  return rows[0];
}

export interface Slot {
  id: string;
  questionId: string;
  questionVersionId: string;
}

// A round's questions never change after it is drawn, so where a slug sits in a round can be remembered.
const slots = new Map<string, Slot>();
const MAX_SLOTS = 100_000;

/** Empties the slot cache, as a restarted process would have it. */
export function forgetSlots(): void {
  slots.clear();
}

/** The round question for `slug`, if the round is the user's and holds that question. */
export async function findSlot(db: Prisma | Tx, userId: string, roundId: string, slug: string): Promise<Slot | undefined> {
  const key = `${userId}/${roundId}/${slug}`;
  const known = slots.get(key);
  if (known) return known;
  const slot = await db.roundQuestion.findFirst({
    where: { roundId, round: { userId }, question: { slug } },
    select: { id: true, questionId: true, questionVersionId: true },
  });
  if (slot) {
    if (slots.size >= MAX_SLOTS) slots.clear();
    slots.set(key, slot);
  }
  return slot ?? undefined;
}

/** Whether the round question for `parentSlug` is answered; undefined when the round does not hold it. */
export async function findParentSlot(db: Prisma | Tx, roundId: string, parentSlug: string): Promise<{ answered: boolean } | undefined> {
  const slot = await db.roundQuestion.findFirst({
    where: { roundId, question: { slug: parentSlug } },
    select: { answer: { select: { id: true } } },
  });
  return slot ? { answered: slot.answer !== null } : undefined;
}

/**
 * Autosave in one statement: share-locks the round (so it cannot close half-way through), and writes the draft
 * only while the round is open, before its cut-off, and the question unanswered. Returns the round's status and
 * deadline as they were under the lock, or undefined when the round is not the user's.
 */
export async function writeDraft(
  sql: SqlRunner,
  input: { userId: string; roundId: string; slotId: string; draft: unknown; savedAt: Date; cutoff: Date },
): Promise<{ status: string; deadline: Date } | undefined> {
  const [row] = await sql.query<{ status: string; deadline: Date }>(
    `WITH r AS (
       SELECT status, deadline FROM "Round" WHERE id = $1::uuid AND "userId" = $2::uuid FOR SHARE
     ), written AS (
       UPDATE "RoundQuestion" rq SET draft = $4::jsonb, "draftSavedAt" = $5::timestamptz
       FROM r
       WHERE rq.id = $3::uuid AND r.status = 'open' AND r.deadline >= $6::timestamptz
         AND NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."roundQuestionId" = rq.id)
       RETURNING rq.id
     )
     SELECT r.status::text AS status, r.deadline, (SELECT count(*) FROM written) AS written FROM r`,
    [input.roundId, input.userId, input.slotId, JSON.stringify(input.draft), input.savedAt, input.cutoff],
  );
  return row ? { status: row.status, deadline: new Date(row.deadline) } : undefined;
}
