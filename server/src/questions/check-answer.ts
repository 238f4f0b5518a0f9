import { type Prisma, type SqlRunner } from "../db/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { AppError, notFound } from "../http/index.ts";
import { findActive, type ActiveQuestion } from "./active-questions.ts";
import { answerByKey, insertAnswerOnce } from "./answer-repo.ts";
import type { StoredGrade } from "./stored-grade.ts";
import { checkAnswerShape, type AnswerValue } from "./grade-answer.ts";
import { idempotencyKeyReused, sameAnswer } from "./idempotency.ts";
import { followUpsField, type FollowUpIndex } from "./follow-ups.ts";
import { assertParentAnswered } from "./practice-follow-ups.ts";
import { gradedAnswer } from "./record-answer.ts";
import { revealAnswer, type VersionBody } from "./present.ts";
import { checkShownOrder } from "./shown-order.ts";
import type { VersionBodies } from "./version-bodies.ts";

export interface CheckDeps {
  prisma: Prisma;
  sql: SqlRunner;
  lexicon: Lexicon;
  /** Who follows up whom in the synced bank. */
  followUps: FollowUpIndex;
  versionBodies: VersionBodies;
}

export interface CheckInput {
  userId: string;
  slug: string;
  answer: AnswerValue;
  timeSpentSeconds?: number;
  idempotencyKey?: string;
  /** The choice ids in the order the client showed them; validated against the question before it is stored. */
  choiceOrder?: string[];
}

/** The question has just been answered, so its follow-ups (if any) are offered with the result. */
const present = (
  deps: CheckDeps,
  slug: string,
  answer: { id: string; grade: StoredGrade; choiceOrder: readonly string[] | null },
  body: VersionBody,
) => ({
  question: slug,
  answerId: answer.id,
  ...(body.followUpOf ? { followUpOf: body.followUpOf } : {}),
  ...followUpsField(deps.followUps, slug, true),
  ...answer.grade,
  ...revealAnswer(body, deps.lexicon, answer.choiceOrder),
});

/**
 * The stored response for an idempotency key, rebuilt from the answer it recorded (the grade is stored and the
 * version body never changes); 422 when the key was used for another question or another answer.
 */
async function replay(deps: CheckDeps, input: CheckInput & { idempotencyKey: string }) {
  const earlier = await answerByKey(deps.prisma, input.userId, input.idempotencyKey);
  if (!earlier) return undefined;
  const same =
    earlier.source === "practice" && earlier.question.slug === input.slug && sameAnswer(earlier.response, input.answer);
  if (!same) throw idempotencyKeyReused();
  const body = await deps.versionBodies.one(deps.prisma, earlier.questionVersionId);
  // The first request's order stands: a retry is the same attempt, shown the same way.
  return present(deps, input.slug, earlier, body);
}

/** The question to grade, once the request is known to fit it (404, 409 for a locked follow-up, 400). */
async function questionFor(deps: CheckDeps, input: CheckInput) {
  const question = await findActive(deps, input.slug);
  if (!question) throw notFound("No such question");
  await assertParentAnswered(deps.prisma, deps.followUps, input.userId, input.slug);
  checkAnswerShape(question.body, input.answer);
  checkShownOrder(question.body, input.choiceOrder);
  return question;
}

/**
 * Practice mode: grade one answer at once, keep it in the user's history (marked as practice) and reveal the
 * explanation, model answer and choice feedback that were withheld before answering. With an idempotency key, a
 * resent check (a double click, a retry after a dropped reply) is answered from the first and stores nothing.
 */
export async function checkAnswer(deps: CheckDeps, input: CheckInput) {
  const key = input.idempotencyKey;
  const replayed = async () => (key ? replay(deps, { ...input, idempotencyKey: key }) : undefined);
  let question: ActiveQuestion;
  try {
    question = await questionFor(deps, input);
  } catch (error) {
    // A used key answers as it did (or 422) even when the request no longer fits: the question may have retired since.
    const earlier = error instanceof AppError ? await replayed() : undefined;
    if (earlier) return earlier;
    throw error;
  }
  const choiceOrder = input.choiceOrder ?? null;
  const { grade, row, missedConcepts } = gradedAnswer(deps.lexicon, {
    userId: input.userId,
    questionId: question.id,
    questionVersionId: question.versionId,
    body: question.body,
    response: input.answer,
    source: "practice",
    idempotencyKey: key,
    choiceOrder,
    timeSpentSeconds: input.timeSpentSeconds ?? null,
    submittedAt: new Date(),
  });
  const id = await insertAnswerOnce(deps.sql, row, missedConcepts);
  if (id) return present(deps, input.slug, { id, grade, choiceOrder }, question.body);
  // The key was used already (maybe by a simultaneous request, which has committed by now): answer as it did.
  const earlier = await replayed();
  if (!earlier) throw new Error(`answer for idempotency key ${key} not found after its insert conflicted`);
  return earlier;
}
