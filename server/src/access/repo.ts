import type { Prisma, Tx } from "../db/index.ts";

type Db = Prisma | Tx;

export async function hasActiveLinkRow(db: Db, mentorId: string, candidateId: string): Promise<boolean> {
  const link = await db.mentorLink.findFirst({ where: { mentorId, candidateId, endedAt: null }, select: { id: true } });
  return link !== null;
}

export const answerOwner = (db: Db, answerId: string) =>
  db.answer.findUnique({ where: { id: answerId }, select: { id: true, userId: true } });
