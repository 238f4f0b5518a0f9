import { VERDICT_THRESHOLDS } from "./score.ts";
import type { Verdict } from "./types.ts";

export type Confidence = "high" | "low";

/** What the grade rests on, gathered while grading. */
export interface ConfidenceSignals {
  score: number;
  verdict: Verdict;
  /** Words in the answer. */
  words: number;
  matchedCount: number;
  /** Matches that skipped content words or took the phrase's words out of order. */
  looseCount: number;
  retracted: boolean;
  requiredWaived: boolean;
  /** Something in the answer counts against it: a wrong fact, a misconception, a failed choice, a keyword pile. */
  statedError: boolean;
  negatedPoint: boolean;
}

/** A score this close to a verdict threshold could have fallen either side of it. */
const NEAR_THRESHOLD = 0.08;
/** Answers this long that mix signals are where the grader's reading is least reliable. */
const LONG_ANSWER_WORDS = 70;
/** An answer this long that earns little without saying anything wrong may hold points worded unseen. */
const SUBSTANTIAL_WORDS = 25;

/**
 * Whether a free-text grade is safe to show as final. Each reason names a situation where, on the labelled
 * sets, the grader disagreed with people markedly more often than elsewhere (see docs/grading.md); any one
 * makes the grade low confidence, shown as provisional with a self-check, and first in a mentor's review queue.
 * Typo corrections and answers naming several options were measured too and are not less reliable.
 */
export function assessConfidence(s: ConfidenceSignals): { confidence: Confidence; confidenceReasons: string[] } {
  const reasons: string[] = [];
  const nearThreshold = [VERDICT_THRESHOLDS.correct, VERDICT_THRESHOLDS.partial].some(
    (t) => Math.abs(s.score - t) < NEAR_THRESHOLD,
  );
  if (nearThreshold && !s.statedError) reasons.push("near-threshold");
  if (s.matchedCount > 0 && s.looseCount === s.matchedCount) reasons.push("loose-matches-only");
  if (s.words >= LONG_ANSWER_WORDS && (s.retracted || s.negatedPoint || s.statedError)) reasons.push("mixed-signals");
  if (s.requiredWaived) reasons.push("required-point-waived");
  if (s.words >= SUBSTANTIAL_WORDS && s.verdict !== "correct" && !s.statedError) reasons.push("little-recognised");
  return { confidence: reasons.length > 0 ? "low" : "high", confidenceReasons: reasons };
}
