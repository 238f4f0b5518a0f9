import { z } from "zod";
import { QUESTION_TYPES, SECTIONS } from "../content/index.ts";
import { answerValue, gradeResultSchema, revealedChoice } from "../questions/index.ts";

const VERDICTS = ["correct", "partial", "incorrect"] as const;

/**
 * History dates are instants in the years 2000–2100 (UTC): room for any real answer, and always a timestamp both
 * databases accept (year 0 or 10000 is a valid ISO string but not a valid PostgreSQL timestamp).
 */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);
export const isHistoryInstant = (t: Date): boolean => t.getTime() >= EARLIEST && t.getTime() < LATEST;
const instantOf = (s: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);

const historyDate = z.iso
  .datetime({ offset: true, message: "must be an ISO date-time" })
  .or(z.iso.date())
  .refine((s) => isHistoryInstant(instantOf(s)), { message: "must be between 2000-01-01 and 2100-12-31" });

export const historyQuery = z
  .object({
    candidate: z.uuid({ message: "must be a candidate id" }).optional(),
    section: z.enum(SECTIONS).optional(),
    type: z.enum(QUESTION_TYPES).optional(),
    verdict: z.enum(VERDICTS).optional(),
    source: z.enum(["round", "practice"]).optional(),
    from: historyDate.optional(),
    to: historyDate.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .openapi("HistoryQuery");

export const exportQuery = historyQuery.omit({ cursor: true, limit: true });

export const answerParams = z.object({ id: z.uuid({ message: "must be an answer id" }) });

const who = z.object({ id: z.uuid(), displayName: z.string() });
export const effectiveGrade = z
  .object({ verdict: z.enum(VERDICTS), score: z.number(), overridden: z.boolean() })
  .openapi("EffectiveGrade");
export const overrideSchema = z
  .object({
    id: z.uuid(),
    verdict: z.enum(VERDICTS),
    score: z.number(),
    fromVerdict: z.string(),
    fromScore: z.number(),
    reason: z.string(),
    by: who,
    at: z.iso.datetime(),
  })
  .openapi("GradeOverride");
export const commentSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    author: who.extend({ role: z.enum(["candidate", "mentor"]) }),
    at: z.iso.datetime(),
  })
  .openapi("Comment");

export const DISPUTE_RESOLUTIONS = ["upheld", "rejected"] as const;

/** A dispute as history lists it; the answer detail shows all of it (`disputeDetail`). */
const disputeSummary = z
  .object({ status: z.enum(["open", "resolved"]), resolution: z.enum(DISPUTE_RESOLUTIONS).optional() })
  .openapi("DisputeSummary");
const disputeDetail = z
  .object({
    reason: z.string(),
    status: z.enum(["open", "resolved"]),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().optional(),
    resolvedBy: z.object({ id: z.uuid(), name: z.string() }).optional(),
    resolution: z.enum(DISPUTE_RESOLUTIONS).optional(),
    reply: z.string().optional(),
  })
  .openapi("Dispute");
const selfAssessmentDetail = z
  .object({ verdict: z.enum(VERDICTS), createdAt: z.iso.datetime() })
  .openapi("SelfAssessment");

export const historyItem = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    question: z.object({
      slug: z.string(),
      title: z.string(),
      section: z.string(),
      type: z.enum(QUESTION_TYPES),
      prompt: z.string(),
      version: z.number().int(),
    }),
    followUpOf: z
      .string()
      .optional()
      .describe("The question this one followed up; on a page it comes right after that answer when both are there"),
    source: z.enum(["round", "practice"]),
    roundId: z.uuid().nullable(),
    answer: answerValue,
    autoGrade: gradeResultSchema,
    effectiveGrade,
    overrides: z.array(overrideSchema),
    commentCount: z.number().int(),
    dispute: disputeSummary.nullable().describe("The owner's challenge to the grade, if any"),
    selfAssessment: z
      .object({ verdict: z.enum(VERDICTS) })
      .nullable()
      .describe("The candidate's own verdict, kept beside the automatic grade"),
    submittedAt: z.iso.datetime(),
    timeSpentSeconds: z.number().int().nullable(),
    timeBudgetSeconds: z.number().int(),
  })
  .openapi("HistoryItem");

export const historyPage = z
  .object({ items: z.array(historyItem), nextCursor: z.string().nullable() })
  .openapi("HistoryPage");

const chainLink = z.object({ id: z.uuid(), slug: z.string() });

export const answerDetail = historyItem
  .extend({
    candidate: who,
    comments: z.array(commentSchema),
    reviewed: z.boolean(),
    dispute: disputeDetail.nullable(),
    selfAssessment: selfAssessmentDetail.nullable(),
    parentAnswer: chainLink.nullable().describe("For a follow-up: the answer it followed up"),
    followUpAnswers: z.array(chainLink).describe("The answers to this question's follow-ups that came after it"),
    reveal: z.object({
      explanation: z.string(),
      modelAnswer: z.string().optional(),
      concepts: z.record(z.string(), z.object({ label: z.string(), explanation: z.string() })).optional(),
      options: z.record(z.string(), z.string()).optional(),
      choices: z.array(revealedChoice).optional(),
    }),
  })
  .openapi("AnswerDetail");

export const unreadSchema = z
  .object({
    comments: z.number().int(),
    overrides: z.number().int(),
    disputes: z.number().int().describe("Resolved disputes the candidate has not opened since"),
    total: z.number().int(),
  })
  .openapi("Unread");

export const auditList = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        action: z.string(),
        entityType: z.string(),
        entityId: z.string(),
        actor: who.nullable(),
        data: z.unknown(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .openapi("AuditList");
