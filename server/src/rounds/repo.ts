import type { Prisma, Tx } from "../db/database.ts";
import type { GradeResult } from "../grading/types.ts";
import { versionBodies } from "../questions/version-bodies.ts";

const roundInclude = {
  questions: {
    orderBy: { position: "asc" },
    include: {
      answer: { select: { id: true, response: true, grade: true, submittedAt: true, timeSpentSeconds: true } },
    },
  },
} as const;

export async function findOwnRound(db: Prisma | Tx, id: string, userId: string) {
  const round = await db.round.findFirst({ where: { id, userId }, include: roundInclude });
  if (!round) return undefined;
  const bodies = await versionBodies(db as Prisma, round.questions.map((q) => q.questionVersionId));
  return {
    ...round,
    questions: round.questions.map((q) => ({
      ...q,
      body: bodies.get(q.questionVersionId)!,
      answer: q.answer ? { ...q.answer, grade: q.answer.grade as unknown as GradeResult } : null,
    })),
  };
}

export type LoadedRound = NonNullable<Awaited<ReturnType<typeof findOwnRound>>>;

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
