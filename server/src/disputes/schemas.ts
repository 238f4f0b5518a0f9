import { z } from "zod";

const REASON_MIN = 10;
const REASON_MAX = 1000;
const VERDICTS = ["correct", "partial", "incorrect"] as const;

export const disputeBody = z
  .object({
    reason: z
      .string({ message: "say why the grade is wrong" })
      .trim()
      .min(REASON_MIN, { message: `must be at least ${REASON_MIN} characters` })
      .max(REASON_MAX, { message: `must be at most ${REASON_MAX} characters` }),
  })
  .openapi("DisputeRequest");

export const disputeResponse = z
  .object({ dispute: z.object({ reason: z.string(), status: z.literal("open"), createdAt: z.iso.datetime() }) })
  .openapi("DisputeCreated");

export const selfAssessmentBody = z
  .object({ verdict: z.enum(VERDICTS, { message: "must be correct, partial or incorrect" }) })
  .openapi("SelfAssessmentRequest");

export const selfAssessmentResponse = z
  .object({ selfAssessment: z.object({ verdict: z.enum(VERDICTS), createdAt: z.iso.datetime() }) })
  .openapi("SelfAssessmentResponse");
