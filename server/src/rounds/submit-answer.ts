import { isUniqueViolation } from "../db/index.ts";
import { AppError, notFound } from "../http/index.ts";
import {
  insertAnswerOnce,
  checkAnswerShape,
  type AnswerValue,
  idempotencyKeyReused,
  sameAnswer,
  parentNotAnswered,
  type VersionBody,
  gradedAnswer,
} from "../questions/index.ts";
import { closeRound, type RoundDeps } from "./close-round.ts";
import { isAccepting, secondsSpent } from "./deadline.ts";
import { answerInOpenRound, findSlot, lockForAnswer, roundAnswerByKey } from "./repo.ts";
import { notInRound, roundClosed } from "./service.ts";
import type { Slot } from "./slot-cache.ts";

export interface Submission {
  question: string;
  answer: AnswerValue;
  idempotencyKey: string;
}

const submitted = (slug: string, at: Date) => ({ question: slug, answeredAt: at.toISOString() });
const alreadyAnswered = () => new AppError("already_answered", "This question was already answered in this round");

/** The response a repeated submission gets: the original one, or 422 when the key came with a different request. */
async function replay(deps: RoundDeps, userId: string, id: string, input: Submission) {
  const byKey = await roundAnswerByKey(deps.prisma, userId, input.idempotencyKey);
  if (!byKey) return undefined;
  const slot = byKey.roundQuestion;
  const same =
    slot?.roundId === id && slot.question.slug === input.question && sameAnswer(byKey.response, input.answer);
  if (!same) throw idempotencyKeyReused();
  return submitted(input.question, byKey.submittedAt);
}

/** The graded answer row for a round question, as both ways of storing it write it. */
const roundAnswer = (
  deps: RoundDeps,
  userId: string,
  slot: Slot,
  body: VersionBody,
  input: Submission,
  now: Date,
  timeSpentSeconds: number | null,
) =>
  gradedAnswer(deps.lexicon, {
    userId,
    questionId: slot.questionId,
    questionVersionId: slot.questionVersionId,
    body,
    response: input.answer,
    source: "round",
    roundQuestionId: slot.id,
    idempotencyKey: input.idempotencyKey,
    timeSpentSeconds,
    submittedAt: now,
  });

/** Thrown inside the transaction to leave it: the round's time ran out, and it is closed once the lock is released. */
class Expired extends Error {}
/** Thrown inside the transaction when the idempotency key is already taken (nothing was written). */
class KeyTaken extends Error {}

/**
 * One final answer, in one short transaction of raw statements: lock the round (shared, so it cannot close half-way)
 * reading everything the rules need, then the answer and its missed-concept cards in one insert. The grading (pure)
 * happens before, outside the lock. The rules apply in this order: 404 not yours, 409 closed or out of time, 400 not in
 * this round, the original response or 409 for an answered question, 409 locked follow-up, 400 wrong shape.
 */
async function submitOnce(deps: RoundDeps, userId: string, id: string, input: Submission) {
  const slot = await findSlot(deps.prisma, deps.slots, userId, id, input.question);
  const body = slot && (await deps.versionBodies.one(deps.prisma, slot.questionVersionId));
  let shapeError: unknown;
  try {
    if (body) checkAnswerShape(body, input.answer);
  } catch (error) {
    shapeError = error;
  }
  const now = deps.now();
  try {
    return await deps.sql.transaction(async (tx) => {
      const round = await lockForAnswer(tx, {
        roundId: id,
        userId,
        slotId: slot?.id ?? null,
        parentSlug: body?.followUpOf ?? null,
      });
      if (!round) throw notFound("No such round");
      if (round.status !== "open") throw roundClosed();
      if (!isAccepting(now, round.deadline, deps.graceSeconds)) throw new Expired();
      if (!slot || !body) {
        throw notInRound("question");
      }
      if (round.answered) {
        if (sameAnswer(round.answered.response, input.answer))
          return submitted(input.question, round.answered.submittedAt);
        throw alreadyAnswered();
      }
      if (round.parentOpen) throw parentNotAnswered(body.followUpOf!);
      if (shapeError) throw shapeError;
      const graded = roundAnswer(
        deps,
        userId,
        slot,
        body,
        input,
        now,
        secondsSpent(now, round.startedAt, round.lastAnsweredAt ?? undefined),
      );
      if (!(await insertAnswerOnce(tx, graded.row, graded.missedConcepts))) throw new KeyTaken();
      return submitted(input.question, now);
    });
  } catch (error) {
    if (!(error instanceof Expired)) throw error;
    await closeRound(deps, id, "expired");
    throw roundClosed();
  }
}

/**
 * The usual answer (the round open, the question unanswered and unlocked, the answer well formed) in one statement
 * that checks all of that under the round's lock and stores it. Undefined when anything is unusual: nothing was
 * written and the full path decides. `who` is the signed-in user, or, for a request served before its session was
 * read, the session id: then the slot's remembered owner is the user and the statement checks the session is theirs.
 */
async function submitPlainly(
  deps: RoundDeps,
  who: { userId: string } | { sessionId: string },
  id: string,
  input: Submission,
) {
  const known = deps.slots.get(id, input.question);
  if (!known || ("userId" in who && known.userId !== who.userId)) return undefined;
  const body = deps.versionBodies.known(known.questionVersionId);
  if (!body) return undefined;
  try {
    checkAnswerShape(body, input.answer);
  } catch {
    return undefined;
  }
  const now = deps.now();
  // The time spent is worked out by the statement, from the round's answers under its lock.
  const graded = roundAnswer(deps, known.userId, known, body, input, now, null);
  try {
    const stored = await answerInOpenRound(deps.sql, {
      roundId: id,
      cutoff: new Date(now.getTime() - deps.graceSeconds * 1000),
      parentSlug: body.followUpOf ?? null,
      sessionId: "sessionId" in who ? who.sessionId : null,
      row: graded.row,
      missedConcepts: graded.missedConcepts,
    });
    return stored ? submitted(input.question, now) : undefined;
  } catch (error) {
    // A simultaneous answer to the same question won: the full path says what that means for this one.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** The usual answer for a request whose session is not read yet; undefined leaves it to the full route. */
export const submitForSession = (deps: RoundDeps, sessionId: string, id: string, input: Submission) =>
  submitPlainly(deps, { sessionId }, id, input);

/**
 * Submits a final answer. A resent request (same idempotency key, same question and answer) gets the first
 * response whatever happened since; the key with a different request is a 422. The key is only looked up when the
 * submission cannot simply be stored, so the usual answer costs no lookup of its own.
 */
export async function submitAnswer(
  deps: RoundDeps,
  userId: string,
  id: string,
  input: Submission,
): Promise<{ question: string; answeredAt: string }> {
  const plain = await submitPlainly(deps, { userId }, id, input);
  if (plain) return plain;
  try {
    return await submitOnce(deps, userId, id, input);
  } catch (error) {
    const lost = isUniqueViolation(error) || error instanceof KeyTaken;
    if (!lost && !(error instanceof AppError)) throw error;
    const earlier = await replay(deps, userId, id, input);
    if (earlier) return earlier;
    // A simultaneous request for the same question won the insert.
    throw lost ? alreadyAnswered() : error;
  }
}
