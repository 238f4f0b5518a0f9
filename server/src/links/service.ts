import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/index.ts";
import { type Prisma, isUniqueViolation } from "../db/index.ts";
import { AppError, notFound } from "../http/index.ts";
import * as repo from "./repo.ts";

export interface LinkDeps {
  prisma: Prisma;
  now: () => Date;
}

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
// No 0/O/1/I/L: codes are read aloud and typed.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function newInviteCode(): string {
  const bytes = randomBytes(12);
  let code = "";
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Codes are case- and dash-insensitive when typed. */
const normaliseCode = (code: string) => {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
};

function presentLink(link: { id: string; createdAt: Date; candidate: object; mentor: object }) {
  return { id: link.id, candidate: link.candidate, mentor: link.mentor, createdAt: link.createdAt.toISOString() };
}

/**
 * The candidate's open invite: an unused, unexpired one is handed out again (a double click, or asking twice, gives
 * one code), else a new one. The lock on the candidate's row makes simultaneous requests take turns.
 */
export async function createInvite(deps: LinkDeps, candidateId: string) {
  const now = deps.now();
  const invite = await deps.prisma.$transaction(async (tx) => {
    await repo.lockCandidate(tx, candidateId);
    const open = await repo.openInvite(tx, candidateId, now);
    if (open) return open;
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    const created = await repo.createInvite(tx, { code: newInviteCode(), candidateId, expiresAt, createdAt: now });
    await recordAudit(tx, {
      actorId: candidateId,
      subjectUserId: candidateId,
      action: "invite.created",
      entityType: "LinkInvite",
      entityId: created.id,
      data: { expiresAt: expiresAt.toISOString() },
      createdAt: now,
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
      const invite = await repo.inviteByCode(tx, code);
      if (!invite) throw notFound("No invite has that code. Check it with the candidate.");
      if (invite.usedAt)
        throw new AppError("invite_used", "This invite has already been used. Ask the candidate for a new one.");
      if (invite.expiresAt <= now)
        throw new AppError("invite_expired", "This invite has expired. Ask the candidate for a new one.");
      if (!(await repo.claimInvite(tx, invite.id, mentorId, now)))
        throw new AppError("invite_used", "This invite has already been used. Ask the candidate for a new one.");
      const existing = await repo.activeLinkBetween(tx, mentorId, invite.candidateId);
      if (existing) throw new AppError("already_linked", "You are already linked to this candidate.");
      const link = await repo.createLink(tx, { mentorId, candidateId: invite.candidateId, createdAt: now });
      await recordAudit(tx, {
        actorId: mentorId,
        subjectUserId: invite.candidateId,
        action: "link.created",
        entityType: "MentorLink",
        entityId: link.id,
        data: { mentorId },
        createdAt: now,
      });
      return presentLink(link);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("already_linked", "You are already linked to this candidate.");
    throw error;
  }
}

export async function listLinks(deps: LinkDeps, userId: string) {
  const links = await repo.activeLinksOf(deps.prisma, userId);
  return links.map(presentLink);
}

/** Either side ends a link; the mentor's access ends with it (every read checks for an active link). */
export async function endLink(deps: LinkDeps, userId: string, id: string) {
  const now = deps.now();
  const link = await repo.ownActiveLink(deps.prisma, userId, id);
  if (!link) throw notFound("No such link");
  await repo.endLinkWithAudit(deps.prisma, link, userId, now);
}
