import type { Prisma } from "../db/index.ts";
import type { VersionBodies } from "../questions/index.ts";
import { assertCanViewAnswer, type Viewer } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../http/index.ts";
import { answersWithCandidate, effectiveOf, presentHistoryItem, withBodies } from "../history/index.ts";
import type { Verdict } from "../grading/index.ts";
import {
  createComment,
  createOverride,
  gradeWithOverrides,
  linkedCandidateRows,
  loadRulings,
  markReviewed,
  reviewQueuePage,
} from "./repo.ts";
import { agreementReport } from "./rulings.ts";

export interface ReviewDeps {
  prisma: Prisma;
  versionBodies: VersionBodies;
  now: () => Date;
}

const mentorOnly = () => new AppError("forbidden", "Only a linked mentor can do this");

export async function addComment(deps: ReviewDeps, viewer: Viewer, answerId: string, body: string) {
  const answer = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  const now = deps.now();
  const comment = await createComment(deps.prisma, {
    answerId,
    authorId: viewer.id,
    body,
    createdAt: now,
    readAt: viewer.id === answer.userId ? now : null,
  });
  await recordAudit(deps.prisma, {
    actorId: viewer.id,
    subjectUserId: answer.userId,
    action: "comment.created",
    entityType: "Comment",
    entityId: comment.id,
    data: { answerId },
    createdAt: now,
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
    const from = effectiveOf(await gradeWithOverrides(tx, answerId));
    const created = await createOverride(tx, {
      answerId,
      mentorId: viewer.id,
      fromVerdict: from.verdict,
      fromScore: from.score,
      ...input,
      createdAt: now,
    });
    await markReviewed(tx, answerId, viewer.id, now);
    await recordAudit(tx, {
      actorId: viewer.id,
      subjectUserId: answer.userId,
      action: "grade.overridden",
      entityType: "Answer",
      entityId: answerId,
      data: { overrideId: created.id, from, to: { verdict: input.verdict, score: input.score }, reason: input.reason },
      createdAt: now,
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
  await markReviewed(deps.prisma, answerId, viewer.id, now);
  await recordAudit(deps.prisma, {
    actorId: viewer.id,
    subjectUserId: answer.userId,
    action: "answer.reviewed",
    entityType: "Answer",
    entityId: answerId,
    data: {},
    createdAt: now,
  });
  return { reviewed: true };
}

/** The mentor's linked candidates' answers they have not reviewed: least certain grades first, then oldest. */
export async function reviewQueue(deps: ReviewDeps, mentorId: string, limit: number) {
  const rows = await reviewQueuePage(deps.prisma, mentorId, limit);
  const full = await withBodies(
    deps.prisma,
    deps.versionBodies,
    await answersWithCandidate(
      deps.prisma,
      rows.map((p) => p.id),
    ),
  );
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    items: rows.map((p) => {
      const row = byId.get(p.id)!;
      return { ...presentHistoryItem(row), candidate: row.user, uncertainty: p.uncertainty };
    }),
    total: rows[0]?.total ?? 0,
  };
}

export async function linkedCandidates(deps: ReviewDeps, mentorId: string) {
  const since = new Date(deps.now().getTime() - 7 * 86_400_000);
  const rows = await linkedCandidateRows(deps.prisma, mentorId, since);
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      email: r.email,
      linkId: r.linkId,
      linkedAt: r.linkedAt.toISOString(),
      answerCount: r.answers,
      answersLastWeek: r.lastWeek,
      lastAnswerAt: r.lastAnswerAt?.toISOString() ?? null,
      unreviewed: r.unreviewed,
    })),
  };
}

/** How the grader agrees with the asking mentor's own rulings; other mentors' rulings are never counted. */
export async function agreement(deps: ReviewDeps, mentorId: string) {
  return agreementReport(await loadRulings(deps.prisma, deps.versionBodies, { mentorId }));
}
