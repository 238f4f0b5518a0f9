import { z } from "zod";

export const candidateParams = z.object({ id: z.uuid({ message: "must be a candidate id" }) });

export const progressSchema = z
  .object({
    candidateId: z.uuid(),
    mastery: z.array(
      z.object({
        section: z.string(),
        mastery: z.number(),
        level: z.enum(["strong", "developing", "weak"]),
        answers: z.number().int(),
        lastAnswerAt: z.iso.datetime(),
      }),
    ),
    rounds: z.array(
      z.object({
        roundId: z.uuid(),
        startedAt: z.iso.datetime(),
        questions: z.number().int(),
        answered: z.number().int(),
        score: z.number(),
      }),
    ),
    decisionMatrix: z.object({
      rows: z.array(z.string()),
      columns: z.array(z.string()),
      labels: z.record(z.string(), z.string()),
      cells: z.array(z.object({ expected: z.string(), committed: z.string(), count: z.number().int() })),
      total: z.number().int(),
      correct: z.number().int(),
    }),
    time: z
      .object({
        questions: z.array(
          z.object({
            slug: z.string(),
            title: z.string(),
            section: z.string(),
            answers: z.number().int(),
            medianSeconds: z.number(),
            budgetSeconds: z.number().int(),
            ratio: z.number().describe("Median time over the budget"),
            slow: z.boolean(),
          }),
        ),
        sections: z.array(
          z.object({
            section: z.string(),
            answers: z.number().int(),
            questions: z.number().int(),
            slowQuestions: z.number().int(),
            meanRatio: z.number(),
          }),
        ),
      })
      .describe("Time spent against each question's budget, slowest first"),
  })
  .openapi("Progress");
