import type { Prisma } from "../db/database.ts";
import type { Lexicon } from "../grading/types.ts";
import { notFound } from "../http/app-error.ts";
import { checkAnswerShape, type AnswerValue } from "./grade-answer.ts";
import { recordAnswer } from "./record-answer.ts";
import { revealAnswer } from "./present.ts";
import { findActive } from "./repo.ts";

/**
 * Practice mode: grade one answer at once, keep it in the user's history (marked as practice) and reveal the
 * explanation, model answer and choice feedback that were withheld before answering.
 */
export async function checkAnswer(
  deps: { prisma: Prisma; lexicon: Lexicon },
  input: { userId: string; slug: string; answer: AnswerValue; timeSpentSeconds?: number },
) {
  const question = await findActive(deps.prisma, input.slug);
  if (!question) throw notFound(`No question with slug ${input.slug}`);
  checkAnswerShape(question.body, input.answer);
  const { id, grade } = await deps.prisma.$transaction((tx) =>
    recordAnswer(tx, deps.lexicon, {
      userId: input.userId,
      questionId: question.id,
      questionVersionId: question.versionId,
      body: question.body,
      response: input.answer,
      source: "practice",
      timeSpentSeconds: input.timeSpentSeconds ?? null,
      submittedAt: new Date(),
    }),
  );
  return { question: input.slug, answerId: id, ...grade, ...revealAnswer(question.body) };
}
