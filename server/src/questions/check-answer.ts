import type { Prisma } from "../db/database.ts";
import type { Lexicon } from "../grading/types.ts";
import { recordMissedConcepts } from "../flashcards/missed-cards.ts";
import { notFound } from "../http/app-error.ts";
import { checkAnswerShape, gradeAnswer, type AnswerValue } from "./grade-answer.ts";
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
  const grade = gradeAnswer(question.body, deps.lexicon, input.answer);
  const answer = await deps.prisma.answer.create({
    data: {
      userId: input.userId,
      questionId: question.id,
      questionVersionId: question.versionId,
      source: "practice",
      response: input.answer,
      grade: grade as object,
      verdict: grade.verdict,
      score: grade.score,
      timeSpentSeconds: input.timeSpentSeconds ?? null,
    },
    select: { id: true },
  });
  await recordMissedConcepts(deps.prisma, { userId: input.userId, questionId: question.id, missed: grade.missed, body: question.body });
  return { question: input.slug, answerId: answer.id, ...grade, ...revealAnswer(question.body) };
}
