import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/load.ts";
import { freeTextQuestion, makeBank } from "./fixtures.ts";

function resolvedRubricOf(rubric: string) {
  const question = loadContent(makeBank({ "questions/scenarios.yaml": freeTextQuestion("fraud", rubric) }))
    .questions[0];
  if (question?.type !== "free-text") throw new Error("expected the fixture's free-text question");
  return question.resolvedRubric;
}

describe("resolved rubrics", () => {
  it("when a rubric adds phrases and a hint, then they are merged with the catalogue's phrases and override its hint", () => {
    const rubric = resolvedRubricOf(
      "    concepts:\n      - concept: sub-second-latency\n        weight: 3\n        required: true\n        phrases: [100 ms, milliseconds]\n        hint: Say how fast the decision must be.\n",
    );
    const [concept] = rubric.concepts;
    expect(concept).toMatchObject({
      id: "sub-second-latency",
      label: "Sub-second latency is required",
      weight: 3,
      required: true,
      hint: "Say how fast the decision must be.",
    });
    expect(concept?.phrases).toEqual(expect.arrayContaining(["sub-second", "milliseconds", "100 ms"]));
    expect(concept?.phrases.filter((phrase) => phrase === "milliseconds")).toHaveLength(1);
    expect(concept?.explanation).toMatch(/milliseconds/);
  });

  it("when a rubric gives no hint, weight or required flag, then the catalogue explanation and the defaults apply", () => {
    const [concept] = resolvedRubricOf("    concepts:\n      - concept: event-at-a-time\n").concepts;
    expect(concept).toMatchObject({ weight: 1, required: false });
    expect(concept?.hint).toBe(concept?.explanation);
  });

  it("when a choice gives no alternatives, then they default to the other options of the first expected option's category", () => {
    const rubric = resolvedRubricOf(
      "    choice:\n      expected: [kappa]\n    concepts:\n      - concept: replay-log\n",
    );
    expect(rubric.choice).toEqual({
      expected: ["kappa"],
      alternatives: ["lambda", "streaming-ingest-batch-transform"],
    });
  });

  it("when a choice lists alternatives, then exactly those are kept", () => {
    const rubric = resolvedRubricOf(
      "    choice:\n      expected: [flink]\n      alternatives: [spark-streaming]\n    concepts:\n      - concept: event-at-a-time\n",
    );
    expect(rubric.choice).toEqual({ expected: ["flink"], alternatives: ["spark-streaming"] });
  });

  it("when a rubric has no choice or misconceptions, then none are resolved", () => {
    const rubric = resolvedRubricOf("    concepts:\n      - concept: event-at-a-time\n");
    expect(rubric.choice).toBeUndefined();
    expect(rubric.misconceptions).toEqual([]);
  });
});
