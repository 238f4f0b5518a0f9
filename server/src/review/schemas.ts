import { z } from "zod";
import { commentSchema, effectiveGrade, historyItem, overrideSchema } from "../history/index.ts";

const COMMENT_MAX = 2000;

export const commentBody = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, { message: "write something" })
      .max(COMMENT_MAX, { message: `must be at most ${COMMENT_MAX} characters` }),
  })
  .openapi("CommentRequest");

export const overrideBody = z
  .object({
    verdict: z.enum(["correct", "partial", "incorrect"], { message: "must be correct, partial or incorrect" }),
    score: z.number({ message: "must be a number from 0 to 1" }).min(0).max(1),
    reason: z.string().trim().min(3, { message: "give a reason (at least 3 characters)" }).max(1000),
  })
  .openapi("OverrideRequest");

export const confirmBody = z
  .object({
    reply: z
      .string()
      .trim()
      .min(1, { message: "write something, or leave the reply out" })
      .max(1000, { message: "must be at most 1000 characters" })
      .optional()
      .describe("The mentor's answer to the candidate's open dispute, which the confirm rejects"),
  })
  .openapi("ConfirmRequest");

export const confirmResponse = z.object({ reviewed: z.literal(true) }).openapi("ConfirmReviewResponse");

export const overrideResponse = z.object({ effectiveGrade, override: overrideSchema }).openapi("OverrideResponse");
export { commentSchema };

export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  disputed: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((v) => v === "true")
    .optional()
    .describe("true: only answers with an open dispute; false: only the others"),
});
export const queueResponse = z
  .object({
    items: z.array(
      historyItem.extend({
        candidate: z.object({ id: z.uuid(), displayName: z.string() }),
        uncertainty: z.number(),
        disputed: z.boolean().describe("The candidate's dispute of this grade is open"),
      }),
    ),
    total: z.number().int(),
  })
  .openapi("ReviewQueue");

export const candidateList = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        displayName: z.string(),
        email: z.string(),
        linkId: z.uuid(),
        linkedAt: z.iso.datetime(),
        answerCount: z.number().int(),
        answersLastWeek: z.number().int(),
        lastAnswerAt: z.iso.datetime().nullable(),
        unreviewed: z.number().int(),
      }),
    ),
  })
  .openapi("CandidateList");

const questionAgreement = z.object({
  question: z.string().describe("The question's slug"),
  title: z.string().describe("The question's title, as a person reads it"),
  rulings: z.number().int(),
  disagreements: z.number().int(),
  agreement: z.number(),
  kappa: z.number(),
});

export const agreementResponse = z
  .object({
    total: z.number().int(),
    labels: z.array(z.string()),
    matrix: z.array(z.array(z.number().int())),
    agreement: z.number(),
    kappa: z.number(),
    perQuestion: z.array(questionAgreement),
    mostDisagreed: z.array(questionAgreement),
    selfAssessments: z
      .object({ total: z.number().int(), agreement: z.number(), kappa: z.number() })
      .describe("Candidates' own verdicts against the grader's, counted apart from mentors' rulings"),
  })
  .openapi("MentorAgreement");
