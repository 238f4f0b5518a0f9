import { z } from "zod";

/** A verdict as an answer or an override stores it in its text column (Verdict, grading/types.ts). */
export const storedVerdict = z.enum(["correct", "partial", "incorrect"]);

/** A grade as an answer stores it and the API shows it (GradeResult, grading/types.ts). */
export const gradeResult = z.object({
  score: z.number(),
  verdict: storedVerdict,
  matched: z.array(z.object({ concept: z.string(), evidence: z.string() })),
  missed: z.array(z.object({ concept: z.string(), hint: z.string() })),
  flags: z.array(z.string()),
  choice: z.object({ expected: z.array(z.string()), committed: z.array(z.string()) }).optional(),
  /** Absent on grades stored before the grader reported confidence. */
  confidence: z.enum(["high", "low"]).optional(),
  confidenceReasons: z.array(z.string()).optional(),
});

export type StoredGrade = z.output<typeof gradeResult>;

/** An answer's stored grade, decoded at the repo boundary; keys this version does not know are kept, as stored. */
export const storedGrade: z.ZodType<StoredGrade> = gradeResult.loose();

/** A free-text answer is its text, a choice answer the choice ids. */
export const storedResponse = z.union([z.string(), z.array(z.string())]);
