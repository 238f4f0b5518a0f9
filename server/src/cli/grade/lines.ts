import { z } from "zod";

const answerSchema = z.union([z.string(), z.array(z.string())], {
  message: "answer must be a string or an array of choice ids",
});
export const batchLineSchema = z.object({
  question: z
    .string({ message: "question must be a string (a question slug)" })
    .min(1, { message: "question is empty" }),
  answer: answerSchema,
});
export const calibrationLineSchema = batchLineSchema.extend({
  label: z.enum(["correct", "partial", "incorrect"], { message: "label must be correct, partial or incorrect" }),
  note: z.string().optional(),
});

export { readJsonLines } from "../../content/index.ts";
