import { describe, expect, it } from "vitest";
import { gradeChoice, multiChoiceScore } from "../../../server/src/grading/index.ts";
import { multiChoice, singleChoice } from "./fixtures.ts";

describe("gradeChoice: single-choice", () => {
  it("when the correct id is picked, then it is correct with the id matched", () => {
    expect(gradeChoice(singleChoice, "spark-batch")).toMatchObject({
      score: 1,
      verdict: "correct",
      matched: [{ concept: "spark-batch", evidence: "spark-batch" }],
      missed: [],
      flags: [],
      choice: { expected: ["spark-batch"], committed: ["spark-batch"] },
    });
  });

  it("when a wrong id is picked, then it is incorrect and the right id is missed with its feedback", () => {
    const r = gradeChoice(singleChoice, "flink");
    expect(r).toMatchObject({ score: 0, verdict: "incorrect", flags: ["wrong-choice"] });
    expect(r.missed).toEqual([{ concept: "spark-batch", hint: "Bounded data, hours are fine." }]);
  });

  it("when several ids are picked, then it is incorrect even if one is right", () => {
    const r = gradeChoice(singleChoice, ["spark-batch", "flink"]);
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toContain("several-choices");
  });

  it("when the id is unknown or empty, then it is incorrect and flagged", () => {
    expect(gradeChoice(singleChoice, "beam").flags).toEqual(["wrong-choice", "unknown-choice"]);
    expect(gradeChoice(singleChoice, "  ").flags).toEqual(["empty"]);
  });

  it("when the id comes as a one-element array with spaces, then it is the same as the plain id", () => {
    expect(gradeChoice(singleChoice, [" spark-batch "]).verdict).toBe("correct");
  });
});

describe("gradeChoice: multi-choice", () => {
  it("when exactly the correct ids are picked, then it is correct", () => {
    expect(gradeChoice(multiChoice, ["b", "a"])).toMatchObject({ score: 1, verdict: "correct" });
  });

  it("when some correct ids are picked and no wrong ones, then it is partial credit", () => {
    const r = gradeChoice(multiChoice, ["a"]);
    expect(r).toMatchObject({ score: 0.5, verdict: "partial" });
    expect(r.missed.map((m) => m.concept)).toEqual(["b"]);
  });

  it("when every option is picked, then the score is 0", () => {
    expect(gradeChoice(multiChoice, ["a", "b", "c", "d"])).toMatchObject({ score: 0, verdict: "incorrect" });
  });

  it("when a wrong id is picked with right ones, then it costs its share of the wrong options", () => {
    expect(gradeChoice(multiChoice, ["a", "b", "c"])).toMatchObject({ score: 0.5, verdict: "partial" });
  });

  it("when an unknown id is picked, then it counts as a wrong pick", () => {
    expect(gradeChoice(multiChoice, ["a", "b", "zzz"])).toMatchObject({
      score: 0.5,
      flags: ["wrong-choice", "unknown-choice"],
    });
  });

  it("when the same id is repeated, then it counts once", () => {
    expect(gradeChoice(multiChoice, ["a", "a", "b"]).score).toBe(1);
  });
});

describe("multiChoiceScore", () => {
  it("when applied, then it is correct share minus wrong share, floored at 0", () => {
    expect(multiChoiceScore(2, 2, 0, 2)).toBe(1);
    expect(multiChoiceScore(1, 2, 1, 2)).toBe(0);
    expect(multiChoiceScore(0, 2, 2, 2)).toBe(0);
    expect(multiChoiceScore(2, 3, 1, 4)).toBeCloseTo(2 / 3 - 1 / 4);
  });

  it("when a question has no wrong options, then a wrong (unknown) pick costs a whole point", () => {
    expect(multiChoiceScore(1, 1, 1, 0)).toBe(0);
  });
});
