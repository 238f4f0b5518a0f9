import { recordAudit } from "../audit/index.ts";
import { type Prisma, type Tx, execute, sql } from "../db/index.ts";

type Db = Prisma | Tx;

const personSelect = { id: true, displayName: true, email: true } as const;
const linkSelect = {
  id: true,
  createdAt: true,
  candidate: { select: personSelect },
  mentor: { select: personSelect },
} as const;
const inviteSelect = { id: true, code: true, expiresAt: true } as const;

/** Makes simultaneous requests for one candidate take turns (until the transaction ends). */
export async function lockCandidate(tx: Tx, candidateId: string): Promise<void> {
  await execute(tx, sql`SELECT 1 FROM "User" WHERE id = ${candidateId}::uuid FOR NO KEY UPDATE`);
}

export const openInvite = (db: Db, candidateId: string, now: Date) =>
  db.linkInvite.findFirst({
    where: { candidateId, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: inviteSelect,
  });

export const createInvite = (db: Db, data: { code: string; candidateId: string; expiresAt: Date; createdAt: Date }) =>
  db.linkInvite.create({ data, select: inviteSelect });

export const inviteByCode = (db: Db, code: string) => db.linkInvite.findUnique({ where: { code } });

/** Claims an unused invite; false when someone else claimed it first. */
export async function claimInvite(db: Db, id: string, mentorId: string, now: Date): Promise<boolean> {
  const claimed = await db.linkInvite.updateMany({
    where: { id, usedAt: null },
    data: { usedAt: now, usedById: mentorId },
  });
  return claimed.count === 1;
}

export const activeLinkBetween = (db: Db, mentorId: string, candidateId: string) =>
  db.mentorLink.findFirst({ where: { mentorId, candidateId, endedAt: null }, select: { id: true } });

export const createLink = (db: Db, data: { mentorId: string; candidateId: string; createdAt: Date }) =>
  db.mentorLink.create({ data, select: linkSelect });

export const activeLinksOf = (db: Db, userId: string) =>
  db.mentorLink.findMany({
    where: { endedAt: null, OR: [{ mentorId: userId }, { candidateId: userId }] },
    orderBy: { createdAt: "desc" },
    select: linkSelect,
  });

/** The user's active link with this id, on either side. */
export const ownActiveLink = (db: Db, userId: string, id: string) =>
  db.mentorLink.findFirst({ where: { id, endedAt: null, OR: [{ mentorId: userId }, { candidateId: userId }] } });

/** Ends the link and records who ended it, together. */
export async function endLinkWithAudit(
  db: Prisma,
  link: { id: string; mentorId: string; candidateId: string },
  actorId: string,
  now: Date,
): Promise<void> {
  await db.$transaction([
    db.mentorLink.updateMany({ where: { id: link.id, endedAt: null }, data: { endedAt: now } }),
    recordAudit(db, {
      actorId,
      subjectUserId: link.candidateId,
      action: "link.ended",
      entityType: "MentorLink",
      entityId: link.id,
      data: { mentorId: link.mentorId },
      createdAt: now,
    }),
  ]);
}
