import { describe, expect, it } from "vitest";
import { reconcileWithExemplars } from "../../../server/src/grading/consensus.ts";
import type { GradeResult, Verdict } from "../../../server/src/grading/types.ts";

const grade = (verdict: Verdict, score: number, flags: string[] = []): GradeResult => ({
  score,
  verdict,
  matched: [{ concept: "latency", evidence: "milliseconds" }],
  missed: [{ concept: "state", hint: "Say how state survives a failure." }],
  flags,
  confidence: "high",
  confidenceReasons: [],
});

describe("reconcileWithExemplars", () => {
  it("when there is no vote, then the rubric's grade stands untouched", () => {
    const g = grade("partial", 0.4);
    expect(reconcileWithExemplars(g, undefined)).toBe(g);
  });

  it("when a one-sided vote agrees, then the grade is unchanged and high confidence", () => {
    const g = { ...grade("correct", 0.6), confidence: "low" as const, confidenceReasons: ["near-threshold"] };
    expect(reconcileWithExemplars(g, { label: "correct", share: 0.9 })).toMatchObject({
      verdict: "correct",
      score: 0.6,
      flags: [],
      confidence: "high",
      confidenceReasons: [],
    });
  });

  it("when a vote agrees but is split, then the grade stands and is provisional", () => {
    expect(reconcileWithExemplars(grade("partial", 0.4), { label: "partial", share: 0.6 })).toMatchObject({
      verdict: "partial",
      confidence: "low",
      confidenceReasons: ["exemplars-disagree"],
    });
  });

  it("when a clear vote is one step lower, then the verdict is lowered and the score moves into its band", () => {
    const r = reconcileWithExemplars(grade("correct", 0.65), { label: "partial", share: 0.6 });
    expect(r).toMatchObject({ verdict: "partial", score: 0.499, flags: ["exemplars-lowered"], confidence: "low" });
    expect(r.matched).toEqual(grade("correct", 0.65).matched);
    expect(reconcileWithExemplars(grade("partial", 0.4), { label: "incorrect", share: 0.6 }).verdict).toBe("incorrect");
  });

  it("when the rubric passes an answer clearly, then a partial vote lowers it only when near unanimous", () => {
    expect(reconcileWithExemplars(grade("correct", 0.7), { label: "partial", share: 0.89 })).toMatchObject({
      verdict: "correct",
      score: 0.7,
      confidence: "low",
      confidenceReasons: ["exemplars-disagree"],
    });
    expect(reconcileWithExemplars(grade("correct", 0.95), { label: "partial", share: 0.9 })).toMatchObject({
      verdict: "partial",
      flags: ["exemplars-lowered"],
    });
    // Just under the clear-pass score, the usual 0.6 share is enough.
    expect(reconcileWithExemplars(grade("correct", 0.699), { label: "partial", share: 0.6 }).verdict).toBe("partial");
    // A vote for incorrect is not about length: its rules are unchanged.
    expect(reconcileWithExemplars(grade("correct", 0.9), { label: "incorrect", share: 0.85 }).verdict).toBe(
      "incorrect",
    );
  });

  it("when a vote two steps lower is not overwhelming, then it doubts a correct to partial; when it is, it drops two steps", () => {
    expect(reconcileWithExemplars(grade("correct", 0.7), { label: "incorrect", share: 0.45 }).verdict).toBe("correct");
    expect(reconcileWithExemplars(grade("correct", 0.7), { label: "incorrect", share: 0.7 })).toMatchObject({
      verdict: "partial",
      flags: ["exemplars-lowered"],
    });
    expect(reconcileWithExemplars(grade("correct", 0.7), { label: "incorrect", share: 0.85 })).toMatchObject({
      verdict: "incorrect",
      score: 0.199,
    });
  });

  it("when a vote one step higher is clear, then incorrect rises to partial; to correct it must be near unanimous", () => {
    expect(reconcileWithExemplars(grade("incorrect", 0.1), { label: "partial", share: 0.7 })).toMatchObject({
      verdict: "partial",
      score: 0.2,
      flags: ["exemplars-raised"],
    });
    expect(reconcileWithExemplars(grade("partial", 0.4), { label: "correct", share: 0.9 }).verdict).toBe("partial");
    expect(reconcileWithExemplars(grade("partial", 0.4), { label: "correct", share: 0.96 })).toMatchObject({
      verdict: "correct",
      score: 0.5,
      confidence: "high",
    });
  });

  it("when a long answer is graded correct, then it stays correct only with the vote's support", () => {
    const long = (vote: { label: "correct" | "partial" | "incorrect"; share: number }) =>
      reconcileWithExemplars(grade("correct", 0.8), vote, "word ".repeat(80)).verdict;
    expect(long({ label: "correct", share: 0.65 })).toBe("correct");
    expect(long({ label: "correct", share: 0.64 })).toBe("partial");
    expect(long({ label: "partial", share: 0.5 })).toBe("partial");
    expect(
      reconcileWithExemplars(grade("correct", 0.8), { label: "partial", share: 0.5 }, "word ".repeat(79)).verdict,
    ).toBe("correct");
  });

  it("when incorrect meets a correct vote, then it never jumps two steps up", () => {
    expect(reconcileWithExemplars(grade("incorrect", 0.1), { label: "correct", share: 1 }).verdict).toBe("incorrect");
  });

  it.each([
    "wrong-choice",
    "negated-choice",
    "several-choices",
    "no-commitment",
    "hedged",
    "undecided",
    "keyword-list",
    "misconception:reversed",
    "wrong-fact:micro-batch",
  ])("when the rubric found %s, then no vote raises the verdict, though one may lower it", (flag) => {
    expect(reconcileWithExemplars(grade("incorrect", 0.1, [flag]), { label: "partial", share: 1 }).verdict).toBe(
      "incorrect",
    );
    expect(reconcileWithExemplars(grade("partial", 0.3, [flag]), { label: "correct", share: 1 }).verdict).toBe(
      "partial",
    );
    expect(reconcileWithExemplars(grade("partial", 0.3, [flag]), { label: "incorrect", share: 0.9 }).verdict).toBe(
      "incorrect",
    );
  });

  it("when a flag only says how the rubric read the answer, then a clear vote may still raise it", () => {
    expect(
      reconcileWithExemplars(grade("incorrect", 0.1, ["negated-concept", "typo-corrected"]), {
        label: "partial",
        share: 0.8,
      }).verdict,
    ).toBe("partial");
  });
});
