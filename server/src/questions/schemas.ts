import { z } from "zod";
import { csvQuery } from "../http/index.ts";
import { DIFFICULTIES, QUESTION_TYPES, SECTIONS } from "../content/index.ts";
import { gradeResult } from "./stored-grade.ts";

export const listQuestionsQuery = z.object({
  section: csvQuery(z.enum(SECTIONS)).describe("One or more section ids, comma-separated"),
  type: csvQuery(z.enum(QUESTION_TYPES)).describe("One or more of single-choice, multi-choice, free-text"),
  difficulty: csvQuery(z.enum(DIFFICULTIES)),
  tag: z.string().trim().min(1).max(60).optional(),
  q: z
    .string()
    .trim()
    .max(100, { message: "must be at most 100 characters" })
    .transform((v) => v || undefined)
    .optional()
    .describe("Words that must all appear, in any case, in a question's title or prompt"),
  progress: z
    .enum(["all", "unsolved", "solved"])
    .default("all")
    .describe(
      "The caller's own progress: solved means one of their answers was graded correct (ignored when signed out)",
    ),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const slugParams = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,120}$/, { message: "must be a question slug" }),
});

/** A question's follow-ups, present only once the caller has answered it. */
export const followUpRefs = z
  .array(z.object({ slug: z.string() }))
  .optional()
  .describe("The interviewer's follow-ups; present only once the caller has answered this question");

export const questionSchema = z
  .object({
    slug: z.string(),
    title: z.string().describe("What a person reads where the question is listed; the prompt is the full question"),
    section: z.enum(SECTIONS),
    type: z.enum(QUESTION_TYPES),
    difficulty: z.enum(DIFFICULTIES),
    tags: z.array(z.string()),
    prompt: z.string(),
    choices: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
    followUpOf: z.string().optional().describe("The question this one follows up"),
    followUps: followUpRefs,
    progress: z
      .enum(["attempted", "solved"])
      .optional()
      .describe(
        "Signed-in callers only: solved once an answer was graded correct, attempted if answered but never correct",
      ),
    version: z.number().int(),
    timeBudgetSeconds: z.number().int(),
  })
  .openapi("Question");

export const questionPage = z.object({
  items: z.array(questionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The shape of an answer depends on the question type; checked again against the question itself. */
export const answerValue = z.union([
  z.string().max(5000, { message: "must be at most 5000 characters" }),
  z.array(z.string().min(1).max(100)).max(30),
]);

export const checkBody = z
  .object({
    answer: answerValue,
    timeSpentSeconds: z.number().int().min(0).max(86_400).optional(),
    idempotencyKey: z
      .string()
      .trim()
      .min(1, { message: "must not be empty" })
      .max(200)
      .optional()
      .describe("Chosen by the client per attempt; resending it with the same answer returns the first response"),
    choiceOrder: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(30)
      .optional()
      .describe(
        "Choice questions only: every choice id once, in the order the candidate was shown them; kept with the answer " +
          "so its detail reveals the choices in that order (a free-text question rejects it)",
      ),
  })
  .openapi("CheckAnswerRequest");

export const gradeResultSchema = gradeResult.openapi("GradeResult");

/** A choice as revealed once the question is answered: whether it was right, and why. */
export const revealedChoice = z
  .object({
    id: z.string(),
    text: z.string(),
    correct: z.boolean(),
    feedback: z.string(),
    option: z
      .string()
      .optional()
      .describe('The framework or architecture picking this choice commits to (a "which framework" question)'),
  })
  .openapi("RevealedChoice");

export const checkResponse = gradeResultSchema
  .extend({
    question: z.string(),
    answerId: z.uuid(),
    followUpOf: z.string().optional(),
    followUps: followUpRefs,
    explanation: z.string(),
    modelAnswer: z.string().optional(),
    choices: z.array(revealedChoice).optional(),
    concepts: z.record(z.string(), z.object({ label: z.string(), explanation: z.string() })).optional(),
    options: z
      .record(z.string(), z.string())
      .optional()
      .describe('Labels of the options a "which framework" question weighs'),
  })
  .openapi("CheckAnswerResponse");

export const parentNotAnsweredError = z
  .object({
    error: z.object({
      code: z.literal("parent_not_answered"),
      message: z.string(),
      parent: z.string().describe("The question to answer first"),
    }),
  })
  .openapi("ParentNotAnsweredError");
