import type { Prisma } from "../db/database.ts";
import { assertCanViewAnswer, type Viewer } from "../access/can-view-candidate.ts";
import { AppError } from "../http/app-error.ts";
import { answerInclude, effectiveOf, presentHistoryItem, withBodies } from "../history/repo.ts";
import type { Verdict } from "../grading/types.ts";
import { loadRulings } from "./repo.ts";
import { agreementReport } from "./rulings.ts";
import { uncertaintySql } from "./uncertainty.ts";

export interface ReviewDeps {
  prisma: Prisma;
  now: () => Date;
}

const mentorOnly = () => new AppError("forbidden", "Only a linked mentor can do this");

export async function addComment(deps: ReviewDeps, viewer: Viewer, answerId: string, body: string) {
  const answer = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  const now = deps.now();
  const comment = await deps.prisma.comment.create({
    data: { answerId, authorId: viewer.id, body, createdAt: now, readAt: viewer.id === answer.userId ? now : null },
    include: { author: { select: { id: true, displayName: true, role: true } } },
  });
  await deps.prisma.auditEvent.create({
    data: { actorId: viewer.id, subjectUserId: answer.userId, action: "comment.created", entityType: "Comment", entityId: comment.id, data: { answerId }, createdAt: now },
  });
  return { id: comment.id, body: comment.body, author: comment.author, at: comment.createdAt.toISOString() };
}

/** A new override row (the automatic grade stays as it was), the answer marked reviewed, and an audit row. */
export async function overrideGrade(
  deps: ReviewDeps,
  viewer: Viewer,
  answerId: string,
  input: { verdict: Verdict; score: number; reason: string },
) {
  const answer = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  if (viewer.role !== "mentor" || viewer.id === answer.userId) throw mentorOnly();
  const now = deps.now();
  return deps.prisma.$transaction(async (tx) => {
    const current = await tx.answer.findUniqueOrThrow({
      where: { id: answerId },
      select: { verdict: true, score: true, overrides: { orderBy: { createdAt: "asc" }, select: { verdict: true, score: true } } },
    });
    const from = effectiveOf(current);
    const created = await tx.gradeOverride.create({
      data: { answerId, mentorId: viewer.id, fromVerdict: from.verdict, fromScore: from.score, ...input, createdAt: now },
      include: { mentor: { select: { id: true, displayName: true } } },
    });
    await tx.answerReview.upsert({
      where: { answerId_mentorId: { answerId, mentorId: viewer.id } },
      create: { answerId, mentorId: viewer.id, reviewedAt: now },
      update: { reviewedAt: now },
    });
    await tx.auditEvent.create({
      data: {
        actorId: viewer.id,
        subjectUserId: answer.userId,
        action: "grade.overridden",
        entityType: "Answer",
        entityId: answerId,
        data: { overrideId: created.id, from, to: { verdict: input.verdict, score: input.score }, reason: input.reason },
        createdAt: now,
      },
    });
    return {
      effectiveGrade: { verdict: input.verdict, score: input.score, overridden: true },
      override: {
        id: created.id,
        verdict: input.verdict,
        score: input.score,
        fromVerdict: from.verdict,
        fromScore: from.score,
        reason: input.reason,
        by: created.mentor,
        at: created.createdAt.toISOString(),
      },
    };
  });
}

/** "Mark reviewed": takes the answer out of the mentor's queue and counts as agreeing with the grade for calibration. */
export async function confirmGrade(deps: ReviewDeps, viewer: Viewer, answerId: string) {
  const answer = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  if (viewer.role !== "mentor" || viewer.id === answer.userId) throw mentorOnly();
  const now = deps.now();
  await deps.prisma.answerReview.upsert({
    where: { answerId_mentorId: { answerId, mentorId: viewer.id } },
    create: { answerId, mentorId: viewer.id, reviewedAt: now },
    update: { reviewedAt: now },
  });
  await deps.prisma.auditEvent.create({
    data: { actorId: viewer.id, subjectUserId: answer.userId, action: "answer.reviewed", entityType: "Answer", entityId: answerId, data: {}, createdAt: now },
  });
  return { reviewed: true };
}

interface QueueRow {
  id: string;
  uncertainty: unknown;
  total: bigint | number;
}

/** The mentor's linked candidates' answers they have not reviewed: least certain grades first, then oldest. */
export async function reviewQueue(deps: ReviewDeps, mentorId: string, limit: number) {
  const rows = await deps.prisma.$queryRawUnsafe<QueueRow[]>(
    `SELECT a.id, ${uncertaintySql("a")} AS uncertainty, count(*) OVER () AS total
       FROM "Answer" a
       JOIN "MentorLink" l ON l."candidateId" = a."userId" AND l."mentorId" = $1::uuid AND l."endedAt" IS NULL
      WHERE NOT EXISTS (SELECT 1 FROM "AnswerReview" r WHERE r."answerId" = a.id AND r."mentorId" = $1::uuid)
      ORDER BY uncertainty DESC, a."submittedAt" ASC, a.id ASC
      LIMIT $2`,
    mentorId,
    limit,
  );
  const full = await withBodies(
    deps.prisma,
    await deps.prisma.answer.findMany({
      where: { id: { in: rows.map((p) => p.id) } },
      include: { ...answerInclude, user: { select: { id: true, displayName: true } } },
    }),
  );
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    items: rows.map((p) => {
      const row = byId.get(p.id)!;
      return { ...presentHistoryItem(row), candidate: row.user, uncertainty: Number(p.uncertainty) };
    }),
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
}

interface CandidateRow {
  id: string;
  displayName: string;
  email: string;
  linkId: string;
  linkedAt: Date;
  answers: bigint | number;
  lastWeek: bigint | number;
  lastAnswerAt: Date | null;
  unreviewed: bigint | number;
}

export async function linkedCandidates(deps: ReviewDeps, mentorId: string) {
  const since = new Date(deps.now().getTime() - 7 * 86_400_000);
  const rows = await deps.prisma.$queryRawUnsafe<CandidateRow[]>(
    `SELECT u.id, u."displayName", u.email, l.id AS "linkId", l."createdAt" AS "linkedAt",
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id) AS answers,
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id AND a."submittedAt" >= $2) AS "lastWeek",
            (SELECT max(a."submittedAt") FROM "Answer" a WHERE a."userId" = u.id) AS "lastAnswerAt",
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id
               AND NOT EXISTS (SELECT 1 FROM "AnswerReview" r WHERE r."answerId" = a.id AND r."mentorId" = $1::uuid)) AS unreviewed
       FROM "MentorLink" l JOIN "User" u ON u.id = l."candidateId"
      WHERE l."mentorId" = $1::uuid AND l."endedAt" IS NULL
      ORDER BY "lastAnswerAt" DESC NULLS LAST, u."displayName"`,
    mentorId,
    since,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      email: r.email,
      linkId: r.linkId,
      linkedAt: new Date(r.linkedAt).toISOString(),
      answerCount: Number(r.answers),
      answersLastWeek: Number(r.lastWeek),
      lastAnswerAt: r.lastAnswerAt ? new Date(r.lastAnswerAt).toISOString() : null,
      unreviewed: Number(r.unreviewed),
    })),
  };
}

/** How the grader agrees with the asking mentor's own rulings; other mentors' rulings are never counted. */
export async function agreement(deps: ReviewDeps, mentorId: string) {
  return agreementReport(await loadRulings(deps.prisma, { mentorId }));
}
