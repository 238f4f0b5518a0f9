import type { Prisma } from "../db/index.ts";
import type { SessionUser } from "../auth/index.ts";
import { notFound } from "../http/index.ts";
import { answerOwner, hasActiveLinkRow } from "./repo.ts";

/**
 * THE access rule for a candidate's data (answers, rounds, progress, comments, overrides, export), in one place:
 * - anyone may see their own data;
 * - a mentor may see a candidate's data only while an active (not ended) link exists between them;
 * - everything else is a 404 that says nothing about whether the thing exists.
 * Every route that reads or annotates a candidate's data goes through one of the functions below.
 */
export type Viewer = SessionUser;

async function hasActiveLink(prisma: Prisma, mentorId: string, candidateId: string): Promise<boolean> {
  return hasActiveLinkRow(prisma, mentorId, candidateId);
}

export async function canViewCandidate(prisma: Prisma, viewer: Viewer, candidateId: string): Promise<boolean> {
  if (viewer.id === candidateId) return true;
  if (viewer.role !== "mentor") return false;
  return hasActiveLink(prisma, viewer.id, candidateId);
}

/** Resolves and checks the candidate whose data is asked for (`undefined` = the viewer's own). */
export async function assertCanViewCandidate(
  prisma: Prisma,
  viewer: Viewer,
  candidateId: string | undefined,
): Promise<string> {
  const id = candidateId ?? viewer.id;
  if (!(await canViewCandidate(prisma, viewer, id))) throw notFound("No such candidate");
  return id;
}

/** The answer's owner, if the viewer may see the answer; otherwise a 404 (same as an answer that doesn't exist). */
export async function assertCanViewAnswer(
  prisma: Prisma,
  viewer: Viewer,
  answerId: string,
): Promise<{ id: string; userId: string }> {
  const answer = await answerOwner(prisma, answerId);
  if (!answer || !(await canViewCandidate(prisma, viewer, answer.userId))) throw notFound("No such answer");
  return answer;
}
