import type { Prisma, Tx } from "../db/database.ts";
import { canViewCandidate, type Viewer } from "../access/can-view-candidate.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError, notFound } from "../http/app-error.ts";
import { checkAnswerShape, type AnswerValue } from "../questions/grade-answer.ts";
import { idempotencyKeyReused, sameAnswer } from "../questions/idempotency.ts";
import { parentNotAnswered } from "../questions/parent-not-answered.ts";
import type { VersionBody } from "../questions/present.ts";
import { recordAnswer } from "../questions/record-answer.ts";
import { versionBody } from "../questions/version-bodies.ts";
import { closeRound, type RoundDeps } from "./close-round.ts";
import { isAccepting, secondsSpent } from "./deadline.ts";
import { findParentSlot, findRound, findSlot, lockRound, writeDraft, type LoadedRound } from "./repo.ts";
import { closeOverdueRounds } from "./start-round.ts";

const roundNotFound = () => notFound("No such round");
const roundClosed = () => new AppError("round_closed", "This round is closed; its time ran out or it was finished");

/**
 * A round as someone allowed to see it finds it: its owner, or a mentor while linked to the owner (the one access
 * rule in access/). Anyone else gets the same 404 as for a round that does not exist.
 */
export async function viewRound(deps: RoundDeps, viewer: Viewer, id: string): Promise<LoadedRound> {
  const round = await findRound(deps, id);
  if (!round || !(await canViewCandidate(deps.prisma, viewer, round.userId))) throw roundNotFound();
  return closedIfOverdue(deps, round);
}

/** Loads the owner's round, first closing it if its time ran out while nobody was looking. */
export async function loadRound(deps: RoundDeps, userId: string, id: string): Promise<LoadedRound> {
  const round = await findRound(deps, id, userId);
  if (!round) throw roundNotFound();
  return closedIfOverdue(deps, round);
}

async function closedIfOverdue(deps: RoundDeps, round: LoadedRound): Promise<LoadedRound> {
  // Whoever reads a round is about to save and answer its questions: where each one sits is known from here on.
  for (const q of round.questions) {
    deps.slots.remember(round.id, q.body.slug, { id: q.id, questionId: q.questionId, questionVersionId: q.questionVersionId, userId: round.userId });
  }
  if (round.status !== "open" || isAccepting(deps.now(), round.deadline, deps.graceSeconds)) return round;
  await closeRound(deps, round.id, "expired");
  return (await findRound(deps, round.id))!;
}

/** Runs `fn` while holding a shared lock on an open, accepting round; otherwise 404 or 409. */
async function whileOpen<T>(deps: RoundDeps, userId: string, id: string, fn: (tx: Tx, round: { startedAt: Date }) => Promise<T>): Promise<T> {
  let expired = false;
  const result = await deps.prisma.$transaction(async (tx) => {
    const locked = await lockRound(tx, id, userId, "share");
    if (!locked) throw roundNotFound();
    if (locked.status !== "open") throw roundClosed();
    if (!isAccepting(deps.now(), locked.deadline, deps.graceSeconds)) {
      expired = true;
      return undefined;
    }
    return { value: await fn(tx, locked) };
  });
  if (expired || !result) {
    await closeRound(deps, id, "expired");
    throw roundClosed();
  }
  return result.value;
}

/** A follow-up stays locked until its parent in the same round is answered: 409 `parent_not_answered` until then. */
async function assertParentAnswered(db: Prisma | Tx, roundId: string, body: VersionBody): Promise<void> {
  if (!body.followUpOf) return;
  const parent = await findParentSlot(db, roundId, body.followUpOf);
  if (parent && !parent.answered) throw parentNotAnswered(body.slug, body.followUpOf);
}

async function slotFor(deps: RoundDeps, tx: Tx, userId: string, roundId: string, slug: string) {
  const slot = await findSlot(tx, deps.slots, userId, roundId, slug);
  if (!slot) throw new AppError("validation_failed", "That question is not part of this round", [{ path: "question", message: `${slug} is not in this round` }]);
  const answer = await tx.answer.findUnique({ where: { roundQuestionId: slot.id }, select: { response: true, submittedAt: true } });
  return { ...slot, answer, body: await versionBody(tx, slot.questionVersionId) };
}

export async function saveDraft(deps: RoundDeps, userId: string, id: string, slug: string, answer: AnswerValue): Promise<void> {
  const slot = await findSlot(deps.prisma, deps.slots, userId, id, slug);
  if (!slot) {
    if (!(await deps.prisma.round.count({ where: { id, userId } }))) throw roundNotFound();
    throw new AppError("validation_failed", "That question is not part of this round", [{ path: "slug", message: `${slug} is not in this round` }]);
  }
  const body = await versionBody(deps.prisma, slot.questionVersionId);
  await assertParentAnswered(deps.prisma, id, body);
  checkAnswerShape(body, answer);
  const now = deps.now();
  // Saving after the question was answered changes nothing that counts, so it is accepted and ignored.
  const round = await writeDraft(deps.sql, {
    userId,
    roundId: id,
    slotId: slot.id,
    draft: answer,
    savedAt: now,
    cutoff: new Date(now.getTime() - deps.graceSeconds * 1000),
  });
  if (!round) throw roundNotFound();
  if (round.status !== "open") throw roundClosed();
  if (!isAccepting(now, round.deadline, deps.graceSeconds)) {
    await closeRound(deps, id, "expired");
    throw roundClosed();
  }
}

const submitted = (slug: string, at: Date) => ({ question: slug, answeredAt: at.toISOString() });

/** The response a repeated submission gets: the original one, or 422 when the key came with a different request. */
async function replay(deps: RoundDeps, userId: string, id: string, input: { question: string; answer: AnswerValue; idempotencyKey: string }) {
  const byKey = await deps.prisma.answer.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: input.idempotencyKey } },
    select: {
      submittedAt: true,
      response: true,
      roundQuestion: { select: { roundId: true, question: { select: { slug: true } } } },
    },
  });
  if (!byKey) return undefined;
  const slot = byKey.roundQuestion;
  const same = slot?.roundId === id && slot.question.slug === input.question && sameAnswer(byKey.response, input.answer);
  if (!same) throw idempotencyKeyReused();
  return submitted(input.question, byKey.submittedAt);
}

export async function submitAnswer(
  deps: RoundDeps,
  userId: string,
  id: string,
  input: { question: string; answer: AnswerValue; idempotencyKey: string },
): Promise<{ question: string; answeredAt: string }> {
  const earlier = await replay(deps, userId, id, input);
  if (earlier) return earlier;
  try {
    return await whileOpen(deps, userId, id, async (tx, round) => {
      const slot = await slotFor(deps, tx, userId, id, input.question);
      if (slot.answer) {
        if (sameAnswer(slot.answer.response, input.answer)) return submitted(input.question, slot.answer.submittedAt);
        throw new AppError("already_answered", "This question was already answered in this round");
      }
      const body = slot.body;
      await assertParentAnswered(tx, id, body);
      checkAnswerShape(body, input.answer);
      const now = deps.now();
      const last = await tx.answer.findFirst({ where: { roundQuestion: { roundId: id } }, orderBy: { submittedAt: "desc" }, select: { submittedAt: true } });
      await recordAnswer(tx, deps.lexicon, {
        userId,
        questionId: slot.questionId,
        questionVersionId: slot.questionVersionId,
        body,
        response: input.answer,
        source: "round",
        roundQuestionId: slot.id,
        idempotencyKey: input.idempotencyKey,
        timeSpentSeconds: secondsSpent(now, round.startedAt, last?.submittedAt),
        submittedAt: now,
      });
      return submitted(input.question, now);
    });
  } catch (error) {
    // A simultaneous request with the same key (or for the same question) won the insert: answer as it did.
    if (!isUniqueViolation(error)) throw error;
    const again = await replay(deps, userId, id, input);
    if (again) return again;
    throw new AppError("already_answered", "This question was already answered in this round");
  }
}

/** Finishing after the deadline (the client submits by itself at zero) is the clock closing it: "expired". */
export async function finishRound(deps: RoundDeps, userId: string, id: string): Promise<LoadedRound> {
  const round = await loadRound(deps, userId, id);
  if (round.status === "open") await closeRound(deps, id, deps.now() >= round.deadline ? "expired" : "finished");
  return (await findRound(deps, id, userId))!;
}

export async function listRounds(deps: RoundDeps, userId: string, page: { skip: number; take: number }) {
  await closeOverdueRounds(deps, userId);
  const where = { userId };
  const [rows, total] = await Promise.all([
    deps.prisma.round.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      include: {
        _count: { select: { questions: true } },
        questions: { select: { answer: { select: { verdict: true, score: true } } } },
      },
    }),
    deps.prisma.round.count({ where }),
  ]);
  return { rows, total };
}
