import { z } from "zod";
import { DIFFICULTIES, QUESTION_TYPES, SECTIONS } from "../content/index.ts";
import {
  answerValue,
  followUpRefs,
  gradeResultSchema,
  parentNotAnsweredError,
  revealedChoice,
} from "../questions/index.ts";

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(item).min(1).optional());

const questionSlug = z.string().regex(/^[a-z0-9-]{1,120}$/, { message: "must be a question slug" });

export const createRoundBody = z
  .object({
    questionCount: z.number({ message: "must be a whole number from 1 to 30" }).int().min(1).max(30),
    timeLimitSeconds: z
      .number({ message: "must be a whole number of seconds from 10 to 7200" })
      .int()
      .min(10)
      .max(7200),
    sections: oneOrMany(z.enum(SECTIONS)),
    types: oneOrMany(z.enum(QUESTION_TYPES)),
    difficulty: oneOrMany(z.enum(DIFFICULTIES)),
    questions: z
      .array(questionSlug)
      .min(1)
      .max(30)
      .refine((slugs) => new Set(slugs).size === slugs.length, { message: "must not name a question twice" })
      .optional()
      .describe("Exactly these questions, in this order, instead of a random draw (e.g. the ones missed last time)"),
  })
  .refine((body) => !body.questions || body.questions.length === body.questionCount, {
    path: ["questionCount"],
    message: "must be the number of questions listed",
  })
  .refine((body) => !body.questions || (!body.sections && !body.types && !body.difficulty), {
    path: ["questions"],
    message: "can't be combined with section, type or difficulty filters",
  })
  .openapi("CreateRoundRequest");

export const roundParams = z.object({ id: z.uuid({ message: "must be a round id" }) });
export const questionParams = roundParams.extend({ slug: questionSlug });

export const draftBody = z.object({ answer: answerValue }).openapi("SaveDraftRequest");

export const flagBody = z
  .object({ flagged: z.boolean({ message: "must be true or false" }) })
  .openapi("FlagQuestionRequest");
export const flagResponse = z.object({ question: z.string(), flagged: z.boolean() });

export const submitBody = z
  .object({
    question: questionSlug,
    answer: answerValue,
    idempotencyKey: z.string().trim().min(1, { message: "is required" }).max(200),
  })
  .openapi("SubmitAnswerRequest");

export const roundInProgressError = z
  .object({
    error: z.object({
      code: z.literal("round_in_progress"),
      message: z.string(),
      roundId: z.uuid().describe("The open round to continue"),
    }),
  })
  .openapi("RoundInProgressError");

/** Saving or submitting for a closed round, an answered question, or a follow-up whose parent is not answered yet. */
export const answerConflictError = z
  .union([
    parentNotAnsweredError,
    z.object({ error: z.object({ code: z.enum(["round_closed", "already_answered"]), message: z.string() }) }),
  ])
  .openapi("AnswerConflictError");

export const submitResponse = z.object({ question: z.string(), answeredAt: z.iso.datetime() });

export const listRoundsQuery = z.object({
  candidate: z
    .uuid({ message: "must be a user id" })
    .optional()
    .describe("A linked candidate's rounds (mentors); default: your own"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const totals = z.object({
  questions: z.number().int(),
  correct: z.number().int(),
  partial: z.number().int(),
  incorrect: z.number().int(),
  unanswered: z.number().int(),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
});

const resultItem = gradeResultSchema.omit({ verdict: true }).extend({
  slug: z.string(),
  title: z.string(),
  section: z.string(),
  prompt: z.string(),
  type: z.enum(QUESTION_TYPES),
  answer: answerValue.nullable(),
  verdict: z.enum(["correct", "partial", "incorrect", "unanswered"]),
  modelAnswer: z.string().optional(),
  explanation: z.string(),
  timeSpentSeconds: z.number().int().nullable(),
  gradedFromDraft: z.boolean().describe("The answer is the last draft, graded when the round closed"),
  followUpOf: z.string().optional().describe("The question this follow-up came after; it is listed right after it"),
  notReached: z.boolean().optional().describe("A follow-up never shown because its parent was not answered in time"),
  options: z.record(z.string(), z.string()).optional(),
  concepts: z
    .record(z.string(), z.object({ label: z.string(), explanation: z.string() }))
    .optional()
    .describe("Free text: the rubric's concepts, by the ids `matched` and `missed` use"),
  choices: z
    .array(revealedChoice)
    .optional()
    .describe("Choice questions: every choice revealed, in the order the candidate was shown them"),
});

export const roundState = z
  .object({
    id: z.uuid(),
    status: z.enum(["open", "finished", "expired"]),
    startedAt: z.iso.datetime(),
    deadline: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    serverNow: z.iso.datetime(),
    graceSeconds: z.number().int(),
    questions: z.array(
      z.object({
        slug: z.string(),
        position: z.number().int(),
        type: z.enum(QUESTION_TYPES),
        section: z.string(),
        difficulty: z.string(),
        tags: z.array(z.string()),
        title: z.string().optional().describe("Absent while the question is locked"),
        prompt: z.string().optional().describe("Absent while the question is locked"),
        choices: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
        followUpOf: z.string().optional().describe("The question this one follows up, earlier in the round"),
        locked: z
          .literal(true)
          .optional()
          .describe("A follow-up whose parent is not answered yet; its prompt is withheld"),
        followUps: followUpRefs,
        timeBudgetSeconds: z.number().int(),
        draft: answerValue.nullable(),
        answer: answerValue.nullable(),
        answeredAt: z.iso.datetime().nullable(),
        flagged: z.boolean().describe("Flagged by the candidate to review before finishing"),
      }),
    ),
    results: z.object({ items: z.array(resultItem), totals }).optional(),
  })
  .openapi("RoundState");

export const roundList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(["open", "finished", "expired"]),
      startedAt: z.iso.datetime(),
      deadline: z.iso.datetime(),
      closedAt: z.iso.datetime().nullable(),
      questionCount: z.number().int(),
      totals: totals.optional(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type Totals = z.infer<typeof totals>;
