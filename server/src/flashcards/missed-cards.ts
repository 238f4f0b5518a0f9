import type { Prisma } from "../db/database.ts";
import type { GradeResult } from "../grading/types.ts";
import type { Tx } from "../db/database.ts";

/**
 * A graded free-text answer that missed rubric concepts gives the user one personal card per (question, concept):
 * created new and due now, or — when it exists — only touched (its text is computed from the question's current
 * version, and its schedule only ever changes through a logged review). A suspended card stays suspended.
 * One statement, so concurrent gradings cannot duplicate a card.
 */
export async function recordMissedConcepts(
  db: Prisma | Tx,
  input: { userId: string; questionId: string; missed: GradeResult["missed"]; body: { type: string }; now?: Date },
): Promise<void> {
  if (input.body.type !== "free-text" || input.missed.length === 0) return;
  const concepts = [...new Set(input.missed.map((m) => m.concept))];
  const now = (input.now ?? new Date()).toISOString();
  await db.$executeRawUnsafe(
    `INSERT INTO "Card" (id, "userId", kind, "questionId", "conceptId", due, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'missed'::"CardKind", $2::uuid, concept, $3::timestamptz, $3::timestamptz, $3::timestamptz
     FROM unnest(string_to_array($4::text, chr(31))) AS concept
     ON CONFLICT ("userId", "questionId", "conceptId") DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt"`,
    input.userId,
    input.questionId,
    now,
    concepts.join("\u001f"),
  );
}
