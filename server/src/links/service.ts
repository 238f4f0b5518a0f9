import { randomBytes } from "node:crypto";
import type { Prisma } from "../db/database.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError, notFound } from "../http/app-error.ts";

export interface LinkDeps {
  prisma: Prisma;
  now: () => Date;
}

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
// No 0/O/1/I/L: codes are read aloud and typed.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newInviteCode(): string {
  const bytes = randomBytes(12);
  let code = "";
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Codes are case- and dash-insensitive when typed. */
export const normaliseCode = (code: string) => {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
};

const personSelect = { id: true, displayName: true, email: true } as const;
const linkSelect = { id: true, createdAt: true, candidate: { select: personSelect }, mentor: { select: personSelect } } as const;

export function presentLink(link: { id: string; createdAt: Date; candidate: object; mentor: object }) {
  return { id: link.id, candidate: link.candidate, mentor: link.mentor, createdAt: link.createdAt.toISOString() };
}

/**
 * The candidate's open invite: an unused, unexpired one is handed out again (a double click, or asking twice, gives
 * one code), else a new one. The lock on the candidate's row makes simultaneous requests take turns.
 */
export async function createInvite(deps: LinkDeps, candidateId: string) {
  const now = deps.now();
  const invite = await deps.prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE id = $1::uuid FOR NO KEY UPDATE`, candidateId);
    const open = await tx.linkInvite.findFirst({
      where: { candidateId, usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, code: true, expiresAt: true },
    });
    if (open) return open;
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    const created = await tx.linkInvite.create({
      data: { code: newInviteCode(), candidateId, expiresAt, createdAt: now },
      select: { id: true, code: true, expiresAt: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: candidateId,
        subjectUserId: candidateId,
        action: "invite.created",
        entityType: "LinkInvite",
        entityId: created.id,
        data: { expiresAt },
        createdAt: now,
      },
    });
    return created;
  });
  return { code: invite.code, expiresAt: invite.expiresAt.toISOString() };
}

/** Single use: the invite is claimed by a conditional update, so two mentors racing for one code cannot both win. */
export async function redeemInvite(deps: LinkDeps, mentorId: string, rawCode: string) {
  const code = normaliseCode(rawCode);
  const now = deps.now();
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const invite = await tx.linkInvite.findUnique({ where: { code } });
      if (!invite) throw notFound("No invite has that code. Check it with the candidate.");
      if (invite.usedAt) throw new AppError("invite_used", "This invite has already been used. Ask the candidate for a new one.");
      if (invite.expiresAt <= now) throw new AppError("invite_expired", "This invite has expired. Ask the candidate for a new one.");
      const claimed = await tx.linkInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now, usedById: mentorId } });
      if (claimed.count !== 1) throw new AppError("invite_used", "This invite has already been used. Ask the candidate for a new one.");
      const existing = await tx.mentorLink.findFirst({ where: { mentorId, candidateId: invite.candidateId, endedAt: null } });
      if (existing) throw new AppError("already_linked", "You are already linked to this candidate.");
      const link = await tx.mentorLink.create({ data: { mentorId, candidateId: invite.candidateId, createdAt: now }, select: linkSelect });
      await tx.auditEvent.create({
        data: { actorId: mentorId, subjectUserId: invite.candidateId, action: "link.created", entityType: "MentorLink", entityId: link.id, data: { mentorId }, createdAt: now },
      });
      return presentLink(link);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("already_linked", "You are already linked to this candidate.");
    throw error;
  }
}

export async function listLinks(deps: LinkDeps, userId: string) {
  const links = await deps.prisma.mentorLink.findMany({
    where: { endedAt: null, OR: [{ mentorId: userId }, { candidateId: userId }] },
    orderBy: { createdAt: "desc" },
    select: linkSelect,
  });
  return links.map(presentLink);
}

/** Either side ends a link; the mentor's access ends with it (every read checks for an active link). */
export async function endLink(deps: LinkDeps, userId: string, id: string) {
  const now = deps.now();
  const link = await deps.prisma.mentorLink.findFirst({ where: { id, endedAt: null, OR: [{ mentorId: userId }, { candidateId: userId }] } });
  if (!link) throw notFound("No such link");
  await deps.prisma.$transaction([
    deps.prisma.mentorLink.updateMany({ where: { id, endedAt: null }, data: { endedAt: now } }),
    deps.prisma.auditEvent.create({
      data: { actorId: userId, subjectUserId: link.candidateId, action: "link.ended", entityType: "MentorLink", entityId: id, data: { mentorId: link.mentorId }, createdAt: now },
    }),
  ]);
}
