import type { Prisma, Tx } from "../db/index.ts";
import type { Verdict } from "../grading/index.ts";
import { storedGrade, storedVerdict } from "../questions/index.ts";

type Db = Prisma | Tx;

/** What deciding on a dispute or a self-assessment needs to know about an answer (null: no such answer). */
export async function answerForChallenge(db: Db, answerId: string) {
  const row = await db.answer.findUnique({
    where: { id: answerId },
    select: {
      userId: true,
      grade: true,
      question: { select: { type: true } },
      dispute: { select: { answerId: true } },
    },
  });
  return (
    row && {
      userId: row.userId,
      freeText: row.question.type === "free_text",
      lowConfidence: storedGrade.parse(row.grade).confidence === "low",
      disputed: row.dispute !== null,
    }
  );
}

/** A second dispute on the same answer fails on the primary key (the answer id), whoever gets there first. */
export const createDispute = (db: Db, data: { answerId: string; reason: string; createdAt: Date }) =>
  db.dispute.create({ data });

export const hasOpenDispute = async (db: Db, answerId: string) =>
  (await db.dispute.count({ where: { answerId, resolvedAt: null } })) > 0;

/** Resolves the answer's dispute if it is still open; a resolved one is never touched again. Returns whether it did. */
export async function resolveOpenDispute(
  db: Db,
  answerId: string,
  data: {
    resolvedById: string;
    resolution: "upheld" | "rejected";
    reply: string | null;
    resolvedAt: Date;
    overrideId: string | null;
  },
): Promise<boolean> {
  const { count } = await db.dispute.updateMany({ where: { answerId, resolvedAt: null }, data });
  return count > 0;
}

/** One self-assessment per answer: a second one replaces the verdict (and its time). */
export const upsertSelfAssessment = (db: Db, answerId: string, verdict: Verdict, at: Date) =>
  db.selfAssessment.upsert({
    where: { answerId },
    create: { answerId, verdict, createdAt: at },
    update: { verdict, createdAt: at },
  });

/**
 * Self-assessed vs automatic verdicts: of the mentor's actively linked candidates, or of one candidate's own answers.
 */
export async function selfAssessmentPairs(
  db: Db,
  scope: { mentorId: string } | { candidateId: string },
): Promise<{ self: Verdict; auto: Verdict }[]> {
  const rows = await db.selfAssessment.findMany({
    where: {
      answer:
        "mentorId" in scope
          ? { user: { candidateLinks: { some: { mentorId: scope.mentorId, endedAt: null } } } }
          : { userId: scope.candidateId },
    },
    select: { verdict: true, answer: { select: { verdict: true } } },
  });
  return rows.map((r) => ({ self: storedVerdict.parse(r.verdict), auto: storedVerdict.parse(r.answer.verdict) }));
}
