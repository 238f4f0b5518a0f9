import { describe, expect, it } from "vitest";
import { loadContent, type BankQuestion } from "../../../server/src/content/load.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import { REAL_CONTENT } from "../content/fixtures.ts";

const bank = loadContent(REAL_CONTENT);
const question = (slug: string) =>
  bank.questions.find((q): q is Extract<BankQuestion, { type: "free-text" }> => q.slug === slug)!;
const grade = (slug: string, answer: string) => gradeFreeText(question(slug).resolvedRubric, bank.lexicon, answer);

describe("a choice stated by its paradigm", () => {
  it("when Spark batch is expected and the answer says 'a batch job', then it is the right choice, partial", () => {
    const result = grade("scenario-realtime-read-hourly", "I would set up a scheduled batch job for this.");
    expect(result.flags).toContain("generic-choice");
    expect(result.verdict).toBe("partial");
  });

  it("when Spark batch is expected and the answer says 'a streaming job', then nothing is committed", () => {
    const result = grade("scenario-realtime-read-hourly", "I would set up a streaming job for this.");
    expect(result.flags).toContain("no-commitment");
    expect(result.verdict).toBe("incorrect");
  });

  it("when the paradigm also holds wrong frameworks, then naming it commits to nothing", () => {
    const result = grade("scenario-fraud-detection", "I'd use some streaming tool for this.");
    expect(result.flags).not.toContain("generic-choice");
    expect(result.verdict).toBe("incorrect");
  });

  it("when the answer names a framework too, then the paradigm is not read as its choice", () => {
    const result = grade("scenario-realtime-read-hourly", "Flink, with micro-batches feeding a batch job downstream.");
    expect(result.flags).not.toContain("generic-choice");
  });
});

describe("a family name beside a paradigm word", () => {
  it("when the answer says Spark and, in the same clause, streaming, then it chose Structured Streaming", () => {
    const result = grade(
      "scenario-realtime-dashboard",
      "Micro-batch streaming on Spark: half a minute is easy for small batches and the team already knows Spark.",
    );
    expect(result.choice?.committed).toEqual(["spark-streaming"]);
    expect(result.flags).not.toContain("wrong-choice");
  });

  it("when the paradigm word is denied, then it names no member: 'one Spark job, no streaming' is Spark batch", () => {
    const result = grade(
      "scenario-daily-warehouse-refresh",
      "That's a batch problem: one Spark job overnight, no streaming infrastructure.",
    );
    expect(result.choice?.committed).toEqual(["spark-batch"]);
  });

  it("when the clause names both paradigms, then the family name is left as it was", () => {
    const result = grade("scenario-realtime-dashboard", "Spark, for the streaming part and the batch part alike.");
    expect(result.choice?.committed).not.toEqual(["spark-streaming"]);
  });
});

describe("a point set against the subject", () => {
  it("when Flink is contrasted with micro-batch engines, then micro-batching is not claimed of Flink", () => {
    const result = grade(
      "scenario-fraud-detection",
      "Apache Flink: it processes each event as it arrives with millisecond latency, unlike micro-batch engines that add 100 ms to a second.",
    );
    expect(result.flags.filter((f) => f.startsWith("wrong-fact:"))).toEqual([]);
    expect(result.verdict).toBe("correct");
  });

  it("when the point is claimed of Flink itself, then it is still a wrong fact", () => {
    const result = grade(
      "scenario-fraud-detection",
      "Flink, because it uses micro-batches small enough to stay under 100 ms.",
    );
    expect(result.verdict).not.toBe("correct");
  });
});
