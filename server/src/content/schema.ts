import { z } from "zod";
import { DIFFICULTIES, SECTIONS } from "./bank-lists.ts";

export { DIFFICULTIES, QUESTION_TYPES, SECTIONS, type Section } from "./bank-lists.ts";
const sectionSchema = z.enum(SECTIONS, { message: `must be one of: ${SECTIONS.join(", ")}` });

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be kebab-case (lower-case letters, digits, single hyphens)" });
const text = (min: number) =>
  z
    .string()
    .trim()
    .min(min, { message: `must be at least ${min} characters` });
const phrases = z.array(text(1)).min(1, { message: "needs at least one phrase" });

/** content/vocabulary.yaml: what answers can commit to, and word groups that mean the same thing. */
export const vocabularySchema = z.strictObject({
  options: z
    .array(
      z.strictObject({
        id: kebab,
        label: text(1),
        category: z.enum(["framework", "architecture", "paradigm"]),
        /** For a framework: the paradigm option it belongs to, so "a batch job" names it generically. */
        paradigm: kebab.optional(),
        aliases: phrases,
      }),
    )
    .min(1),
  synonyms: z.array(z.array(text(1)).min(2, { message: "a synonym group needs at least two members" })),
});

/** content/concepts.yaml: the key points rubrics are built from, shared across questions. */
export const conceptSchema = z.strictObject({
  id: kebab,
  label: text(3),
  /** The point, stated fully; becomes the back of a missed-concept flashcard. */
  explanation: text(10),
  phrases,
  /**
   * The options this point is true of (micro-batches: Structured Streaming). Said of another option, or denied
   * of one of these, it is a wrong fact. Absent for points that belong to no option in particular.
   */
  trueOf: z.array(kebab).min(1).optional(),
  /** The wordings that attribute the point to an option, when narrower than `phrases`; defaults to them. */
  claims: phrases.optional(),
  /** Wordings that deny the point without a negator ("struggles with large volumes" against high throughput). */
  contrary: phrases.optional(),
});
export const conceptsFileSchema = z.strictObject({ concepts: z.array(conceptSchema).min(1) });

const rubricSchema = z.strictObject({
  choice: z
    .strictObject({
      expected: z.array(kebab).min(1, { message: "needs at least one expected option" }),
      /** Defaults to every other option of the same category. */
      alternatives: z.array(kebab).optional(),
    })
    .optional(),
  concepts: z
    .array(
      z.strictObject({
        concept: kebab,
        weight: z.number().int().min(1).max(5).default(1),
        required: z.boolean().default(false),
        /** Question-specific phrases, added to the catalog's. */
        phrases: z.array(text(1)).optional(),
        /** What to tell a candidate who missed it; defaults to the catalog explanation. */
        hint: text(5).optional(),
      }),
    )
    .min(1, { message: "a rubric needs at least one concept" }),
  misconceptions: z
    .array(
      z.strictObject({
        id: kebab,
        phrases,
        penalty: z.number().gt(0).max(1),
        explanation: text(10),
      }),
    )
    .default([]),
});
export type RubricInput = z.infer<typeof rubricSchema>;

const questionBase = {
  slug: kebab,
  section: sectionSchema,
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(kebab).default([]),
  /** A few words naming the question in lists (round navigation, results, progress), where the prompt is too long. */
  title: text(3).max(60, { message: "must be at most 60 characters" }).optional(),
  prompt: text(10),
  /** Why the right answer is right; shown after answering. */
  explanation: text(10),
  /** The part of the guide the question comes from, e.g. "Framework Profiles › Apache Flink". */
  source: text(3),
  timeBudgetSeconds: z.number().int().min(10).max(1800).optional(),
  /**
   * The question this one follows up (an interviewer's next question). It is shown only once its parent has been
   * answered, and graded on its own.
   */
  followUpOf: kebab.optional(),
};

const choiceSchema = z.strictObject({
  id: kebab,
  text: text(1),
  correct: z.boolean().default(false),
  feedback: text(3),
  /** The framework or architecture (vocabulary.yaml) picking this choice commits to; the decision matrix counts it. */
  option: kebab.optional(),
});

export const questionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...questionBase, type: z.literal("single-choice"), choices: z.array(choiceSchema).min(2) }),
  z.strictObject({ ...questionBase, type: z.literal("multi-choice"), choices: z.array(choiceSchema).min(2) }),
  z.strictObject({ ...questionBase, type: z.literal("free-text"), modelAnswer: text(20), rubric: rubricSchema }),
]);
export type QuestionInput = z.infer<typeof questionSchema>;

export const flashcardSchema = z.strictObject({
  slug: kebab,
  section: sectionSchema,
  front: text(5),
  back: text(5),
  hint: text(3).optional(),
  tags: z.array(kebab).default([]),
  source: text(3),
});
export type FlashcardInput = z.infer<typeof flashcardSchema>;

/** content/questions/<section>.yaml and content/flashcards/<section>.yaml are each a YAML list. */
export const questionsFileSchema = z.array(z.unknown());
