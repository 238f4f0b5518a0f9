import { type Prisma, isUniqueViolation } from "../db/index.ts";
import { recordAudit } from "../audit/index.ts";
import type { Verdict } from "../grading/index.ts";
import { AppError, notFound } from "../http/index.ts";
import { answerForChallenge, createDispute, upsertSelfAssessment } from "./repo.ts";

export interface DisputeDeps {
  prisma: Prisma;
  now: () => Date;
}

const alreadyDisputed = () => new AppError("already_disputed", "This answer has already been disputed");

/**
 * Only the answer's owner may dispute it or assess it themselves; to anyone else (a linked mentor included) the answer
 * is as absent as an unknown one, so nothing is learnt about it.
 */
async function ownAnswer(deps: DisputeDeps, viewerId: string, answerId: string) {
  const answer = await answerForChallenge(deps.prisma, answerId);
  if (!answer || answer.userId !== viewerId) throw notFound("No such answer");
  return answer;
}

/** The owner challenges a free-text grade, once; a linked mentor resolves it by overriding or confirming. */
export async function openDispute(deps: DisputeDeps, viewerId: string, answerId: string, reason: string) {
  const answer = await ownAnswer(deps, viewerId, answerId);
  // A choice answer is right or wrong by its key: there is no reading of it to argue about.
  if (!answer.freeText) throw new AppError("not_disputable", "Only a free-text answer's grade can be disputed");
  if (answer.disputed) throw alreadyDisputed();
  const now = deps.now();
  const created = await deps.prisma
    .$transaction(async (tx) => {
      const dispute = await createDispute(tx, { answerId, reason, createdAt: now });
      await recordAudit(tx, {
        actorId: viewerId,
        subjectUserId: viewerId,
        action: "answer.disputed",
        entityType: "Answer",
        entityId: answerId,
        data: { reason },
        createdAt: now,
      });
      return dispute;
    })
    .catch((error: unknown) => {
      // Two disputes sent at once: the first one in wins, the other is told as if it came second.
      throw isUniqueViolation(error) ? alreadyDisputed() : error;
    });
  return { dispute: { reason: created.reason, status: "open" as const, createdAt: created.createdAt.toISOString() } };
}

/**
 * The candidate's own verdict, where the grader was unsure or has been challenged; it sits beside the automatic grade
 * and nothing that schedules or scores (mastery, flashcards, progress) reads it.
 */
export async function assessOwnAnswer(deps: DisputeDeps, viewerId: string, answerId: string, verdict: Verdict) {
  const answer = await ownAnswer(deps, viewerId, answerId);
  if (!answer.freeText || !(answer.lowConfidence || answer.disputed))
    throw new AppError(
      "not_self_assessable",
      "Only a free-text answer graded with low confidence, or one you disputed, can be self-assessed",
    );
  const saved = await upsertSelfAssessment(deps.prisma, answerId, verdict, deps.now());
  return { selfAssessment: { verdict, createdAt: saved.createdAt.toISOString() } };
}
