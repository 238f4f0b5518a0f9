import type { ChoiceOutcome } from "./commitment.ts";
import type { Verdict } from "./types.ts";

/**
 * Score at or above `correct` (with every required concept and, where asked, the right choice) is
 * "correct"; at or above `partial` is "partial"; below is "incorrect". Calibrated on the dev half of the
 * hand-labelled answers (see docs/grading.md): `partial` is met by any one substantial key point, as the
 * label "some but not most key points" asks; `correct` sits low in the gap between the best partial and
 * the worst correct dev answers, because phrase matching under-counts reasoning worded in unseen ways.
 */
export const VERDICT_THRESHOLDS = { correct: 0.5, partial: 0.2 } as const;

/**
 * For "which framework" questions the committed choice is worth this share of the score and the
 * reasoning the rest, so the right choice alone is "partial", as the labels want.
 */
export const CHOICE_SHARE = 0.3;
/** A wrong, negated or hedged-between-several choice keeps at most this score: reasoning can't rescue it. */
export const FAILED_CHOICE_CAP = 0.15;
/** A misconception costing at least this share contradicts a key fact, which makes the answer incorrect. */
export const CONTRADICTION_PENALTY = 0.5;

/**
 * A question that asks for no choice gives an on-topic answer at least this score: matching any key point
 * (and stating no misconception) is "some of the key points", partial, however light that point's weight.
 */
export const ON_TOPIC_FLOOR = VERDICT_THRESHOLDS.partial;

/**
 * A strong answer may word one required point in a way no phrase covers; at or above this score, missing
 * exactly one required point no longer caps the verdict (measured on the development and blind sets: above it,
 * answers missing one required point were labelled correct four times as often as partial, never incorrect).
 */
export const REQUIRED_WAIVER_SCORE = 0.7;
/** An answer making at least this many key points (and scoring "correct") covers the main points too. */
const REQUIRED_WAIVER_POINTS = 3;

export interface ScoreInput {
  matchedWeight: number;
  /** How many concepts matched; absent counts as "as many as the weight says" (weight > 0). */
  matchedCount?: number;
  totalWeight: number;
  requiredMissed: boolean;
  /** Every required concept was missed (false when the rubric has none). */
  allRequiredMissed?: boolean;
  /** How many required concepts were missed; absent counts as one when `requiredMissed`. */
  requiredMissedCount?: number;
  /** Penalties of the misconceptions the answer states. */
  penalties: number[];
  /** Absent when the rubric asks for no choice. */
  choice?: ChoiceOutcome;
  keywordList: boolean;
  /** The answer closes on "it depends" without saying on what: it leaves the question open. */
  undecided?: boolean;
  /** The right choice named only by its paradigm ("a batch job"): the choice counts, but not as a named tool. */
  genericChoice?: boolean;
  /** A wrong fact on a point the question does not ask about: a right core with a notable error, partial at best. */
  sideError?: boolean;
}

export interface Decision {
  score: number;
  verdict: Verdict;
  /** A missed required point did not cap the verdict because the rest of the answer was strong. */
  requiredWaived: boolean;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function rawScore(input: ScoreInput): number {
  const reasoning = input.totalWeight > 0 ? input.matchedWeight / input.totalWeight : 0;
  const base =
    input.choice === undefined
      ? reasoning
      : (input.choice === "right" ? CHOICE_SHARE : 0) + (1 - CHOICE_SHARE) * reasoning;
  const penalty = Math.min(
    1,
    input.penalties.reduce((a, b) => a + b, 0),
  );
  return base * (1 - penalty);
}

function byThreshold(score: number): Verdict {
  if (score >= VERDICT_THRESHOLDS.correct) return "correct";
  return score >= VERDICT_THRESHOLDS.partial ? "partial" : "incorrect";
}

/** Verdicts can only be lowered by the rules below, never raised. */
function capAt(verdict: Verdict, cap: Verdict): Verdict {
  const order: Verdict[] = ["incorrect", "partial", "correct"];
  return order[Math.min(order.indexOf(verdict), order.indexOf(cap))]!;
}

export function decide(input: ScoreInput): Decision {
  let score = rawScore(input);
  const matched = input.matchedCount ?? (input.matchedWeight > 0 ? 1 : 0);
  // One side point with every required point missed is not "some of the key points".
  const onTopic = matched > 1 || (matched === 1 && !(input.allRequiredMissed ?? false));
  if (input.choice === undefined && onTopic && input.penalties.length === 0) score = Math.max(score, ON_TOPIC_FLOOR);
  const failedChoice = input.choice !== undefined && input.choice !== "right" && input.choice !== "none";
  if (failedChoice) score = Math.min(score, FAILED_CHOICE_CAP);
  let verdict = byThreshold(score);
  if (failedChoice || input.keywordList || input.undecided || input.penalties.some((p) => p >= CONTRADICTION_PENALTY))
    verdict = "incorrect";
  const missedCount = input.requiredMissedCount ?? (input.requiredMissed ? 1 : 0);
  const broad = (input.matchedCount ?? 0) >= REQUIRED_WAIVER_POINTS && score >= VERDICT_THRESHOLDS.correct;
  const waived = missedCount === 1 && (score >= REQUIRED_WAIVER_SCORE || broad);
  if ((input.requiredMissed && !waived) || input.choice === "none" || input.genericChoice || input.sideError)
    verdict = capAt(verdict, "partial");
  return { score: round3(score), verdict, requiredWaived: input.requiredMissed && waived };
}
