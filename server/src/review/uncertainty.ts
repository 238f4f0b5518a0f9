import { VERDICT_THRESHOLDS } from "../grading/index.ts";

/**
 * How unsure the grader probably was about an answer, for ordering a mentor's review queue (higher first).
 * - closeness to a verdict threshold: 1 at a threshold, falling linearly to 0 at NEAR_THRESHOLD away;
 * - plus 1 for each flag that marks a reading the engine may get wrong (negation, hedging between several
 *   choices, a bare keyword list, a typo correction, a misconception hit);
 * - plus LOW_CONFIDENCE_WEIGHT when the grader itself said its grade was low confidence, so those come first.
 * Ties go to the oldest answer (the caller sorts by submittedAt ascending next).
 */
export const NEAR_THRESHOLD = 0.1;
export const UNCERTAIN_FLAGS = [
  "negated-concept",
  "hedged",
  "several-choices",
  "keyword-list",
  "typo-corrected",
] as const;
/** More than a near threshold and a flag together: a grade the grader called low confidence is reviewed first. */
export const LOW_CONFIDENCE_WEIGHT = 3;

export function uncertainty(score: number, flags: readonly string[], confidence?: string): number {
  const distance = Math.min(...Object.values(VERDICT_THRESHOLDS).map((t) => Math.abs(score - t)));
  const near = Math.max(0, 1 - distance / NEAR_THRESHOLD);
  const flagged = flags.filter(
    (f) => (UNCERTAIN_FLAGS as readonly string[]).includes(f) || f.startsWith("misconception:"),
  ).length;
  const low = confidence === "low" ? LOW_CONFIDENCE_WEIGHT : 0;
  return Math.round((near + flagged + low) * 1000) / 1000;
}

export interface QueueCandidate {
  id: string;
  score: number;
  flags: string[];
  confidence?: string;
  submittedAt: Date;
}

export function orderQueue<T extends QueueCandidate>(items: T[]): (T & { uncertainty: number })[] {
  return items
    .map((i) => ({ ...i, uncertainty: uncertainty(i.score, i.flags, i.confidence) }))
    .sort(
      (a, b) =>
        b.uncertainty - a.uncertainty || a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id),
    );
}
