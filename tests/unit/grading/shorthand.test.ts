import { describe, expect, it } from "vitest";
import { isKeywordList } from "../../../server/src/grading/keyword-list.ts";
import { decide, ON_TOPIC_FLOOR, VERDICT_THRESHOLDS, type ScoreInput } from "../../../server/src/grading/score.ts";
import { fraud } from "./fixtures.ts";
import { analyze } from "./helpers.ts";

const isList = (answer: string) => isKeywordList(analyze(answer).tokens, answer);
const base: ScoreInput = {
  matchedWeight: 0,
  totalWeight: 10,
  requiredMissed: false,
  penalties: [],
  keywordList: false,
};

describe("engine changes for dev3 wordings", () => {
  it("when an option is named 'at first' in a retracted thought, then 'first' does not endorse it", () => {
    const c = analyze(
      "I was thinking Spark at first but actually no. Flink handles each event as it arrives. Flink.",
      fraud,
    ).commitment;
    expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
  });

  it("when an option is followed by 'first' as a choice, then it is still endorsed", () => {
    expect(
      analyze("Spark Streaming was considered. Flink first, for the latency.", fraud).commitment.committed,
    ).toEqual(["flink"]);
  });

  it("when 'before' comes just ahead of an option, then that option is put off, not chosen", () => {
    const c = analyze("Kafka Streams is the base you need before Spark Streaming makes sense.", fraud).commitment;
    expect(c.committed).toEqual(["kafka-streams"]);
    expect(analyze("Flink before anything else.", fraud).commitment.committed).toEqual(["flink"]);
  });

  it("when a sentence adverb opens the answer before an option, then the option still leads", () => {
    expect(analyze("Honestly Flink. Kafka Streams is a library.", fraud).commitment).toMatchObject({
      committed: ["flink"],
      outcome: "right",
    });
    expect(analyze("Mostly Kafka Streams. Flink is a cluster.", fraud).commitment.committed).toEqual([
      "kafka-streams",
      "flink",
    ]);
  });

  it("when an option would run 'for nothing', then it is rejected", () => {
    const a = analyze("A plain Spark job on a schedule; a Flink stream would be always on for nothing.");
    expect(a.negatedOptions).toEqual(["flink"]);
    expect(a.commitment).toMatchObject({ committed: ["spark-batch"], outcome: "right" });
  });

  it("when shorthand uses relation symbols for verbs, then they count as grammar and it is not a keyword list", () => {
    expect(isList("SSS. 30s SLA is way above micro-batch latency; team = Spark people. done.")).toBe(false);
    expect(
      isKeywordList(analyze("SSS. 30s SLA is way above micro-batch latency; team Spark people. done.").tokens),
    ).toBe(true);
  });

  it("when notes have three or more lines of a few words each, then they are statements, not a keyword list", () => {
    expect(
      isList(
        "- batch layer: complete, accurate, slow\n- speed layer: low latency, approx\n- cost: duplicate logic, two pipelines to run",
      ),
    ).toBe(false);
    expect(isList("- Flink\n- low latency\n- exactly-once\n- watermarks")).toBe(true);
  });

  it("when a question asks for no choice and the answer makes one light key point, then it is at least partial", () => {
    expect(ON_TOPIC_FLOOR).toBe(VERDICT_THRESHOLDS.partial);
    expect(decide({ ...base, matchedWeight: 1, matchedCount: 1 })).toMatchObject({
      score: ON_TOPIC_FLOOR,
      verdict: "partial",
    });
    expect(decide({ ...base, matchedWeight: 0, matchedCount: 0 }).verdict).toBe("incorrect");
  });

  it("when the light key point comes with a misconception or a choice is asked, then there is no floor", () => {
    expect(decide({ ...base, matchedWeight: 1, matchedCount: 1, penalties: [0.3] }).verdict).toBe("incorrect");
    expect(decide({ ...base, matchedWeight: 1, matchedCount: 1, choice: "none" }).verdict).toBe("incorrect");
  });
});
