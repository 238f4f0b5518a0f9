import { describe, expect, it } from "vitest";
import type { ResolvedRubric } from "../../server/src/grading/index.ts";
import { unmatchedText } from "../../server/src/rubric/unmatched.ts";
import { withPhrase } from "../../server/src/rubric/with-phrase.ts";

describe("unmatchedText", () => {
  it("when evidence covers parts of the answer, then the rest comes back trimmed and joined by …", () => {
    expect(unmatchedText("Flink, with low latency and watermarks for late data.", ["low latency", "watermarks"])).toBe(
      "Flink, with … and … for late data.",
    );
  });
  it("when nothing matched, or evidence is not in the text, then the whole answer is unmatched", () => {
    expect(unmatchedText("  Spark batch  ", [])).toBe("Spark batch");
    expect(unmatchedText("Spark batch", ["flink"])).toBe("Spark batch");
  });
  it("when everything matched, then nothing is left (punctuation alone does not count)", () => {
    expect(unmatchedText("event time, watermarks", ["event time", "watermarks"])).toBe("");
  });
});

describe("withPhrase", () => {
  const rubric: ResolvedRubric = {
    concepts: [{ id: "c", label: "C", weight: 1, required: false, phrases: ["a"], hint: "", explanation: "" }],
    misconceptions: [{ id: "m", phrases: ["x"], penalty: 0.5, explanation: "" }],
  };
  it("when the target exists, then a copy gains the phrase and the original is untouched", () => {
    const next = withPhrase(rubric, { concept: "c" }, "b")!;
    expect(next.concepts[0]!.phrases).toEqual(["a", "b"]);
    expect(rubric.concepts[0]!.phrases).toEqual(["a"]);
    expect(next).not.toBe(rubric);
    expect(withPhrase(rubric, { misconception: "m" }, "y")!.misconceptions[0]!.phrases).toEqual(["x", "y"]);
  });
  it("when the target is not in the rubric, then there is no copy", () => {
    expect(withPhrase(rubric, { concept: "m" }, "b")).toBeUndefined();
    expect(withPhrase(rubric, { misconception: "c" }, "b")).toBeUndefined();
  });
});
