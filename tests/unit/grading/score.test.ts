import { describe, expect, it } from "vitest";
import {
  CHOICE_SHARE,
  decide,
  FAILED_CHOICE_CAP,
  REQUIRED_WAIVER_SCORE,
  VERDICT_THRESHOLDS,
  type ScoreInput,
} from "../../../server/src/grading/score.ts";

const base: ScoreInput = {
  matchedWeight: 0,
  totalWeight: 10,
  requiredMissed: false,
  penalties: [],
  keywordList: false,
};

describe("decide", () => {
  it("when there is no choice and most weight is matched, then the verdict is correct", () => {
    expect(decide({ ...base, matchedWeight: 7 })).toMatchObject({ score: 0.7, verdict: "correct" });
    expect(VERDICT_THRESHOLDS.partial).toBeLessThan(CHOICE_SHARE);
    expect(FAILED_CHOICE_CAP).toBeLessThan(VERDICT_THRESHOLDS.partial);
  });

  it("when the score sits exactly on a threshold, then it reaches that verdict", () => {
    expect(decide({ ...base, matchedWeight: VERDICT_THRESHOLDS.correct * 10 }).verdict).toBe("correct");
    expect(decide({ ...base, matchedWeight: VERDICT_THRESHOLDS.partial * 10 }).verdict).toBe("partial");
  });

  it("when little weight is matched and nothing is chosen where a choice is asked, then the verdict is incorrect", () => {
    expect(decide({ ...base, matchedWeight: 1, choice: "none" }).verdict).toBe("incorrect");
  });

  it("when the right choice comes with no reasoning, then the score is the choice share and the verdict partial", () => {
    expect(decide({ ...base, choice: "right" })).toMatchObject({ score: CHOICE_SHARE, verdict: "partial" });
  });

  it("when the right choice comes with full reasoning, then the score is 1", () => {
    expect(decide({ ...base, matchedWeight: 10, choice: "right" })).toMatchObject({ score: 1, verdict: "correct" });
  });

  it("when the choice is wrong, negated or several, then the answer is incorrect however much reasoning it has", () => {
    for (const choice of ["wrong", "negated", "several"] as const) {
      const d = decide({ ...base, matchedWeight: 10, choice });
      expect(d.verdict).toBe("incorrect");
      expect(d.score).toBeLessThanOrEqual(FAILED_CHOICE_CAP);
    }
  });

  it("when no option is committed to, then the verdict is at most partial", () => {
    expect(decide({ ...base, matchedWeight: 10, choice: "none" }).verdict).toBe("partial");
  });

  it("when a required concept is missed, then the verdict is at most partial", () => {
    expect(decide({ ...base, matchedWeight: 6, requiredMissed: true }).verdict).toBe("partial");
    expect(decide({ ...base, matchedWeight: 9, requiredMissed: true, requiredMissedCount: 2 }).verdict).toBe("partial");
  });

  it("when one required concept is missed but the rest scores at least the waiver, then it can still be correct", () => {
    const d = decide({
      ...base,
      matchedWeight: REQUIRED_WAIVER_SCORE * 10,
      requiredMissed: true,
      requiredMissedCount: 1,
    });
    expect(d).toMatchObject({ verdict: "correct", requiredWaived: true });
  });

  it("when the answer is a keyword list, then the verdict is incorrect however much it matches", () => {
    expect(decide({ ...base, matchedWeight: 10, keywordList: true }).verdict).toBe("incorrect");
  });

  it("when a misconception is stated, then its penalty is taken as a share of the score", () => {
    expect(decide({ ...base, matchedWeight: 10, penalties: [0.25] }).score).toBe(0.75);
  });

  it("when a misconception contradicts a key fact, then the verdict is incorrect", () => {
    expect(decide({ ...base, matchedWeight: 10, penalties: [0.5] }).verdict).toBe("incorrect");
  });

  it("when penalties add up past 1, then the score is 0, never negative", () => {
    expect(decide({ ...base, matchedWeight: 10, penalties: [0.4, 0.4, 0.4] }).score).toBe(0);
  });

  it("when a score has many decimals, then it is rounded to three", () => {
    expect(decide({ ...base, matchedWeight: 1, totalWeight: 3 }).score).toBe(0.333);
  });
});
