import { z } from "zod";
import { csvQuery } from "../http/index.ts";
import { SECTIONS } from "../content/index.ts";
import { isValidTimeZone } from "./local-day.ts";
import { cardStateShape } from "./present.ts";
import { RATINGS, STATE_NAMES } from "./schedule.ts";
import { NEW_CARDS_RANGE, RETENTION_RANGE } from "./study-prefs.ts";

export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sections: csvQuery(z.enum(SECTIONS)).describe("Only cards from these sections, comma-separated"),
});

export const cramQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  sections: csvQuery(z.enum(SECTIONS)).describe(
    "Only cards from these sections, comma-separated; all sections when left out",
  ),
});

/** Any string: an id that is not a UUID is simply an unknown card (404), not a malformed request. */
export const cardParams = z.object({ id: z.string().max(100) });

export const reviewBody = z
  .object({
    rating: z.enum(RATINGS, { message: `must be one of: ${RATINGS.join(", ")}` }),
    reviewId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe("Chosen by the client; repeating it replays the first response"),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .openapi("ReviewRequest");

const isRealDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isoDay = z.string().refine(
  (s) => {
    try {
      return isRealDay(s);
    } catch {
      return false;
    }
  },
  { message: "must be a real calendar date as YYYY-MM-DD", abort: true },
);

export const settingsBody = z
  .object({
    desiredRetention: z
      .number()
      .min(RETENTION_RANGE.min, { message: `must be at least ${RETENTION_RANGE.min.toFixed(2)}` })
      .max(RETENTION_RANGE.max, { message: `must be at most ${RETENTION_RANGE.max.toFixed(2)}` })
      .optional(),
    newCardsPerDay: z
      .number()
      .int({ message: "must be a whole number" })
      .min(NEW_CARDS_RANGE.min, { message: `must be at least ${NEW_CARDS_RANGE.min}` })
      .max(NEW_CARDS_RANGE.max, { message: `must be at most ${NEW_CARDS_RANGE.max}` })
      .optional(),
    interviewDate: isoDay.nullable().optional().describe("Between today (in the time zone) and two years ahead"),
    timeZone: z
      .string()
      .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" })
      .optional(),
  })
  .strict()
  .openapi("StudySettingsUpdate");

export const settingsSchema = z
  .object({
    desiredRetention: z.number(),
    newCardsPerDay: z.number().int(),
    interviewDate: z.string().nullable(),
    timeZone: z.string(),
  })
  .openapi("StudySettings");

const intervals = z.object({
  again: z.number().int(),
  hard: z.number().int(),
  good: z.number().int(),
  easy: z.number().int(),
});

export const queueCard = z.object({
  id: z.uuid(),
  kind: z.enum(["bank", "missed"]),
  front: z.string(),
  back: z.string(),
  hint: z.string().optional(),
  section: z.string(),
  questionSlug: z.string().optional().describe("The practice question a personal card came from"),
  state: z.enum(STATE_NAMES),
  intervals: intervals.describe("Seconds until the card would be due again after each rating"),
});

export const queueResponse = z
  .object({
    cards: z.array(queueCard),
    counts: z.object({ learning: z.number().int(), review: z.number().int(), new: z.number().int() }),
  })
  .openapi("FlashcardQueue");

export const cardStateSchema = cardStateShape.extend({ id: z.uuid() }).openapi("CardState");

export const buryResponse = cardStateSchema
  .extend({ buriedUntil: z.string().describe("When the user's next day begins: the card is back in the queue then") })
  .openapi("BuriedCard");

export const cramResponse = z
  .object({
    cards: z.array(queueCard.omit({ state: true, intervals: true })),
  })
  .openapi("CramCards");

export const undoResponse = z
  .object({ reviewId: z.string(), rating: z.enum(RATINGS), card: cardStateSchema })
  .openapi("UndoResult");

export const cardListQuery = z.object({
  filter: z.enum(["personal", "leeches", "suspended"]).default("personal"),
});

export const cardListResponse = z
  .object({
    cards: z.array(
      cardStateSchema.extend({
        front: z.string(),
        back: z.string(),
        hint: z.string().optional(),
        section: z.string(),
        questionSlug: z.string().optional(),
      }),
    ),
  })
  .openapi("CardList");

export const statsResponse = z
  .object({
    counts: z.object({
      new: z.number().int(),
      learning: z.number().int(),
      review: z.number().int(),
      relearning: z.number().int(),
      suspended: z.number().int(),
      leeches: z.number().int(),
    }),
    forecast: z
      .array(z.object({ date: z.string(), due: z.number().int() }))
      .describe(
        "Cards due on each of the next 14 days; today includes overdue ones, a buried card counts on the day it is back",
      ),
    trueRetention: z.object({
      reviews: z.number().int(),
      passed: z.number().int(),
      rate: z
        .number()
        .nullable()
        .describe("Share of reviews of mature cards (interval ≥ 21 days) not rated again, last 30 days"),
    }),
    reviewsPerDay: z
      .array(z.object({ date: z.string(), count: z.number().int() }))
      .describe("The last 30 days, oldest first"),
  })
  .openapi("StudyStats");

export const checkBody = z
  .object({ answer: z.string().max(5000, { message: "must be at most 5000 characters" }) })
  .openapi("RecallCheckRequest");

export const checkResponse = z
  .object({
    gradable: z.boolean().describe("False for bank cards, which have no rubric: compare by eye"),
    verdict: z.enum(["correct", "partial", "incorrect"]).optional(),
    score: z.number().optional(),
    matched: z.array(z.object({ concept: z.string(), evidence: z.string() })).optional(),
    missed: z.array(z.object({ concept: z.string(), hint: z.string() })).optional(),
    flags: z.array(z.string()).optional(),
    suggestedRating: z.enum(RATINGS).nullable(),
  })
  .openapi("RecallCheck");
