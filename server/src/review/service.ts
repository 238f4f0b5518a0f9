import type { Prisma } from "../db/index.ts";
import type { VersionBodies } from "../questions/index.ts";
import { assertCanViewAnswer, type Viewer } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { AppError } from "../http/index.ts";
import { answersWithCandidate, effectiveOf, presentHistoryItem, withBodies } from "../history/index.ts";
import { hasOpenDispute, selfAssessmentPairs, settleOpenDispute } from "../disputes/index.ts";
import { cohensKappa, confusionMatrix, observedAgreement, type Verdict } from "../grading/index.ts";
import {
  createComment,
  createOverride,
  gradeWithOverrides,
  lockAnswerForReview,
  linkedCandidateRows,
  loadRulings,
  markReviewed,
  reviewQueuePage,
} from "./repo.ts";
import { agreementReport, VERDICTS } from "./rulings.ts";

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
    await lockAnswerForReview(tx, answerId);
    const grade = await gradeWithOverrides(tx, answerId);
    const from = effectiveOf(grade);
    const created = await createOverride(tx, {
      answerId,
      mentorId: viewer.id,
      fromVerdict: from.verdict,
      fromScore: from.score,
      ...input,
      createdAt: now,
    });
    await markReviewed(tx, answerId, viewer.id, now);
    // An open dispute is settled by the ruling: upheld when it changes the verdict the candidate disputed.
    await settleOpenDispute(tx, {
      answerId,
      candidateId: answer.userId,
      mentorId: viewer.id,
      resolution: input.verdict !== from.verdict ? "upheld" : "rejected",
      reply: input.reason,
      now,
      overrideId: created.id,
    });
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

/**
 * "Mark reviewed": takes the answer out of the mentor's queue and counts as agreeing with the grade for calibration;
 * an open dispute is thereby rejected, with the reply (if any) as the mentor's answer to it.
 */
export async function confirmGrade(deps: ReviewDeps, viewer: Viewer, answerId: string, reply?: string) {
  const answer = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  if (viewer.role !== "mentor" || viewer.id === answer.userId) throw mentorOnly();
  const now = deps.now();
  await deps.prisma.$transaction(async (tx) => {
    await lockAnswerForReview(tx, answerId);
    // A reply answers a dispute; with none open (or one settled a moment ago) it would be addressed to nobody.
    if (reply !== undefined && !(await hasOpenDispute(tx, answerId)))
      throw new AppError("conflict", "There is no open dispute to reply to; write a comment instead");
    await markReviewed(tx, answerId, viewer.id, now);
    await settleOpenDispute(tx, {
      answerId,
      candidateId: answer.userId,
      mentorId: viewer.id,
      resolution: "rejected",
      reply: reply ?? null,
      now,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      subjectUserId: answer.userId,
      action: "answer.reviewed",
      entityType: "Answer",
      entityId: answerId,
      data: {},
      createdAt: now,
    });
  });
  return { reviewed: true };
}

/**
 * The mentor's linked candidates' answers they have not reviewed, and every open dispute (reviewed or not): disputes
 * first, then low-confidence grades, then the rest; least certain first, then oldest, within each group.
 */
export async function reviewQueue(deps: ReviewDeps, mentorId: string, q: { limit: number; disputed?: boolean }) {
  const rows = await reviewQueuePage(deps.prisma, mentorId, q.limit, q.disputed);
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
      return { ...presentHistoryItem(row), candidate: row.user, uncertainty: p.uncertainty, disputed: p.disputed };
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

/**
 * How the grader agrees with the asking mentor's own rulings (other mentors' rulings are never counted), or, asked by
 * a candidate, with the rulings on their own answers; self-assessments are counted apart, never as rulings.
 */
export async function agreement(deps: ReviewDeps, scope: { mentorId: string } | { candidateId: string }) {
  const [rulings, selfAssessed] = await Promise.all([
    loadRulings(deps.prisma, deps.versionBodies, scope),
    selfAssessmentPairs(deps.prisma, scope),
  ]);
  const c = confusionMatrix(
    VERDICTS,
    selfAssessed.map((p) => [p.self, p.auto] as const),
  );
  return {
    ...agreementReport(rulings),
    selfAssessments: { total: c.total, agreement: round(observedAgreement(c)), kappa: round(cohensKappa(c)) },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
