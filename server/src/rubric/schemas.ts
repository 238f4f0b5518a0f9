import { z } from "zod";

const verdict = z.enum(["correct", "partial", "incorrect"]);
const entryId = z.string().regex(/^[a-z0-9-]{1,120}$/, { message: "must be a rubric entry id" });

const phraseFields = {
  question: z.string().regex(/^[a-z0-9-]{1,120}$/, { message: "must be a question slug" }),
  concept: entryId.optional(),
  misconception: entryId.optional(),
  phrase: z
    .string()
    .trim()
    .min(2, { message: "must be at least 2 characters" })
    .max(120, { message: "must be at most 120 characters" }),
};

/** A phrase belongs to exactly one rubric entry: a concept or a misconception. */
const oneTarget = (b: { concept?: string | undefined; misconception?: string | undefined }) =>
  (b.concept === undefined) !== (b.misconception === undefined);
const oneTargetIssue = { message: "give exactly one of concept or misconception", path: ["concept"] };

export const previewBody = z.object(phraseFields).refine(oneTarget, oneTargetIssue).openapi("RubricPreviewRequest");

export const suggestionBody = z
  .object({
    ...phraseFields,
    note: z.string().trim().min(1).max(1000, { message: "must be at most 1000 characters" }).optional(),
  })
  .refine(oneTarget, oneTargetIssue)
  .openapi("RubricSuggestionRequest");

export const previewResponse = z
  .object({
    total: z.number().int().describe("Answers regraded"),
    changed: z.array(
      z.object({
        answerId: z.uuid(),
        from: verdict,
        to: verdict,
        ruling: verdict.optional().describe("The mentor's ruling on the answer, when there is one"),
      }),
    ),
    agreementBefore: z.number().nullable().describe("Share of ruled answers graded as ruled; null with no rulings"),
    agreementAfter: z.number().nullable(),
  })
  .openapi("RubricPreview");

const suggestionSchema = z
  .object({
    id: z.uuid(),
    question: z.string(),
    concept: z.string().optional(),
    misconception: z.string().optional(),
    phrase: z.string(),
    note: z.string().optional(),
    total: z.number().int(),
    changedCount: z.number().int(),
    agreementBefore: z.number().nullable(),
    agreementAfter: z.number().nullable(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.iso.datetime(),
  })
  .openapi("RubricSuggestion");

export const suggestionCreated = z.object({ suggestion: suggestionSchema }).openapi("RubricSuggestionCreated");
export const suggestionList = z.object({ items: z.array(suggestionSchema) }).openapi("RubricSuggestionList");

export const healthResponse = z
  .object({
    questions: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        rulings: z.number().int(),
        agreement: z.number(),
        kappa: z.number(),
        disagreements: z.array(
          z.object({
            answerId: z.uuid(),
            automatic: verdict,
            ruling: verdict,
            unmatchedText: z.string().describe("The answer outside every matched evidence span, parts joined by …"),
          }),
        ),
      }),
    ),
  })
  .openapi("RubricHealth");

export const entriesParams = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,120}$/, { message: "must be a question slug" }),
});

export const entriesResponse = z
  .object({
    slug: z.string(),
    title: z.string(),
    concepts: z.array(z.object({ id: z.string(), label: z.string() })),
    misconceptions: z.array(z.object({ id: z.string(), explanation: z.string() })),
  })
  .openapi("RubricEntries");
