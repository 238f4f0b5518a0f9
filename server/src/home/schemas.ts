import { z } from "zod";

const planStep = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("review-cards"), cards: z.number().int() }),
  z.object({ kind: z.literal("practise-section"), section: z.string(), questions: z.number().int() }),
  z.object({ kind: z.literal("practise-any"), questions: z.number().int() }),
  z.object({ kind: z.literal("mock-round") }),
]);

const candidateHome = z
  .object({
    role: z.literal("candidate"),
    serverNow: z
      .string()
      .describe("The server's clock, so the round countdown is right on a device whose clock is off"),
    today: z.string().describe("The user's calendar date (YYYY-MM-DD) in their study time zone"),
    openRound: z
      .object({
        id: z.uuid(),
        startedAt: z.string(),
        deadline: z.string(),
        timeLimitSeconds: z.number().int(),
        questions: z.number().int(),
        answered: z.number().int(),
      })
      .nullable(),
    flashcards: z.object({
      due: z.number().int().describe("Cards in today's queue, as the review page counts them"),
      learning: z.number().int(),
      review: z.number().int(),
      new: z.number().int(),
      nextDueAt: z.string().nullable().describe("When the next card comes due; null when no card ever will"),
    }),
    interview: z
      .object({ date: z.string(), daysLeft: z.number().int(), plan: z.array(planStep) })
      .nullable()
      .describe("Null until an interview date is set in the study settings"),
    weakestSection: z
      .object({ section: z.string(), mastery: z.number(), level: z.string(), answers: z.number().int() })
      .nullable()
      .describe("The answered section with the lowest mastery; null before any answer"),
    unread: z.object({
      comments: z.number().int(),
      overrides: z.number().int(),
      disputes: z.number().int().describe("Dispute rulings not seen yet"),
      items: z.array(
        z.object({
          kind: z.enum(["comment", "override", "dispute"]),
          id: z.uuid(),
          answerId: z.uuid(),
          title: z.string().describe("The question's title"),
          by: z.string(),
          text: z.string().describe("The comment, the override's reason, or the reply to a dispute (may be empty)"),
          verdict: z
            .string()
            .nullable()
            .describe("The overriding verdict, or a dispute's resolution (upheld, rejected); null for a comment"),
          grade: z.string().optional().describe("On a ruling made by overriding the grade: the verdict the mentor set"),
          at: z.string(),
        }),
      ),
    }),
    activity: z.object({
      from: z.string(),
      to: z.string(),
      days: z.array(z.object({ date: z.string(), answers: z.number().int(), reviews: z.number().int() })),
      streak: z.number().int(),
      activeDays: z.number().int(),
      answers: z.number().int(),
      reviews: z.number().int(),
    }),
  })
  .openapi("CandidateHome");

const mentorHome = z
  .object({
    role: z.literal("mentor"),
    candidates: z.object({
      total: z.number().int(),
      items: z.array(
        z.object({
          id: z.uuid(),
          displayName: z.string(),
          unreviewed: z.number().int(),
          answersLastWeek: z.number().int(),
          lastAnswerAt: z.string().nullable(),
        }),
      ),
    }),
    queue: z.object({ total: z.number().int() }),
    agreement: z.object({
      rulings: z.number().int(),
      agreement: z.number(),
      kappa: z.number(),
      mostDisagreed: z
        .object({ title: z.string(), rulings: z.number().int(), disagreements: z.number().int() })
        .nullable(),
    }),
  })
  .openapi("MentorHome");

export const homeResponse = z.discriminatedUnion("role", [candidateHome, mentorHome]).openapi("Home");
