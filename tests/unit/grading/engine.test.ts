import { describe, expect, it } from "vitest";
import { compile } from "../../../server/src/grading/compile.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import { dailyRefresh, fraud, lexicon, mlFeatures, structuredStreaming } from "./fixtures.ts";

const grade = (rubric: typeof fraud, answer: string) => gradeFreeText(rubric, lexicon, answer);
const conceptsOf = (r: ReturnType<typeof grade>) => r.matched.map((m) => m.concept);

describe("gradeFreeText: choice", () => {
  it("when the right choice comes with the core reasoning, then it is correct", () => {
    const r = grade(
      dailyRefresh,
      "I'd use Spark batch: the data is a bounded dataset and hours of latency is acceptable, and batch is simpler.",
    );
    expect(r.verdict).toBe("correct");
    expect(r.choice).toEqual({ expected: ["spark-batch"], committed: ["spark-batch"] });
  });

  it("when the wrong choice comes with every reasoning keyword, then it is still incorrect", () => {
    const r = grade(
      dailyRefresh,
      "Flink, because the data is bounded, hours of latency is acceptable, it is simpler and cheap, no need for streaming.",
    );
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toContain("wrong-choice");
  });

  it("when the answer names every option without committing, then it does not pass", () => {
    const r = grade(
      dailyRefresh,
      "Spark batch, Flink, Kafka Streams or Spark Streaming could all work for bounded data with latency of hours.",
    );
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toContain("several-choices");
  });

  it("when the right choice has no reasoning, then it is partial", () => {
    expect(grade(dailyRefresh, "Spark batch.")).toMatchObject({ verdict: "partial", score: 0.3 });
  });

  it("when the answer rejects the right tool ('I would not use Spark'), then it is incorrect", () => {
    const r = grade(
      dailyRefresh,
      "I would not use Spark. Flink, since the data is bounded and latency of hours is fine.",
    );
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toEqual(expect.arrayContaining(["negated-choice", "wrong-choice"]));
  });

  it("when the answer rejects a wrong tool first and then reasons for the right one, then it is correct", () => {
    const r = grade(
      dailyRefresh,
      "I would not use Flink here. The input is a bounded dataset and hours of latency is acceptable, so Spark batch is simpler.",
    );
    expect(r.verdict).toBe("correct");
    expect(r.choice?.committed).toEqual(["spark-batch"]);
  });

  it("when both expected options are committed to (ML features), then it is a right commitment", () => {
    const r = grade(
      mlFeatures,
      "Flink, or Spark Streaming if the team already knows Spark; both handle stateful aggregations well.",
    );
    expect(r.verdict).toBe("correct");
    expect(r.flags).not.toContain("several-choices");
  });

  it("when the answer is a keyword list naming the right tool, then it is incorrect", () => {
    const r = grade(dailyRefresh, "Spark batch, bounded, latency of hours, simpler, cheap");
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toContain("keyword-list");
  });

  it("when no option is named at all, then it is at most partial", () => {
    const r = grade(
      dailyRefresh,
      "The data is bounded, hours of latency is acceptable, and it is simpler and cheap with no need for streaming.",
    );
    expect(r.verdict).toBe("partial");
    expect(r.flags).toContain("no-commitment");
  });
});

describe("gradeFreeText: reasoning", () => {
  it("when a concept is negated ('it is not bounded'), then it does not count and is flagged", () => {
    const r = grade(dailyRefresh, "Spark batch, although the data is not bounded.");
    expect(conceptsOf(r)).not.toContain("bounded-data");
    expect(r.flags).toContain("negated-concept");
  });

  it("when a concept describes a rejected framework, then it does not count for the chosen one", () => {
    const r = grade(fraud, "Flink. Spark Streaming with its exactly-once guarantees would be too slow.");
    expect(conceptsOf(r)).not.toContain("exactly-once");
  });

  it("when the reasoning follows the rejection of a wrong framework, then it counts", () => {
    const r = grade(dailyRefresh, "Flink would be overkill for a bounded daily job; Spark batch is simpler.");
    expect(conceptsOf(r)).toEqual(expect.arrayContaining(["bounded-data", "batch-simpler-cheaper"]));
  });

  it("when words are mistyped, then they still count and the answer is flagged", () => {
    const r = grade(
      fraud,
      "Flnik: it processes each event as it arrives for sub-100ms latancy decisions, with exaclty-once and event-time semantics.",
    );
    expect(r.verdict).toBe("correct");
    expect(r.flags).toContain("typo-corrected");
  });

  it("when a loose match lies inside another term written in full, then it does not count", () => {
    const r = grade(fraud, "Flink processes one event at a time.");
    expect(conceptsOf(r)).toEqual(["event-at-a-time"]);
  });

  it("when a synonym from the lexicon is used, then the concept counts", () => {
    const r = grade(dailyRefresh, "Spark batch, it is inexpensive.");
    expect(conceptsOf(r)).toContain("batch-simpler-cheaper");
  });

  it("when compounds are written joined, hyphenated or spaced, then they count the same", () => {
    for (const answer of ["Flink gives exactly-once.", "Flink gives exactly once.", "Flink gives exactlyonce."]) {
      expect(conceptsOf(grade(fraud, answer))).toContain("exactly-once");
    }
  });

  it("when a misconception is stated, then it costs its penalty and is flagged", () => {
    const r = grade(
      structuredStreaming,
      "Yes, it is true streaming and processes each event individually, no micro-batches.",
    );
    expect(r.flags).toContain("misconception:claims-true-streaming");
    expect(r.verdict).toBe("incorrect");
  });

  it("when a misconception is denied, then it does not count", () => {
    const r = grade(structuredStreaming, "It uses micro-batches; it does not process each event individually.");
    expect(r.flags).not.toContain("misconception:claims-true-streaming");
  });
});

describe("gradeFreeText: output", () => {
  it("when a concept matches, then its evidence is the exact original text, casing and typos kept", () => {
    const answer = "FLINK: it handles Each Event As It Arrives under 100 MS.";
    const r = grade(fraud, answer);
    const evidence = Object.fromEntries(r.matched.map((m) => [m.concept, m.evidence]));
    expect(evidence).toEqual({ "sub-100ms": "under 100 MS", "event-at-a-time": "Each Event As It Arrives" });
    for (const m of r.matched) expect(answer).toContain(m.evidence);
  });

  it("when a concept is missed, then its hint is given", () => {
    const r = grade(fraud, "Flink.");
    expect(r.missed).toContainEqual({ concept: "exactly-once", hint: "hint for exactly-once" });
  });

  it("when the answer is empty or only punctuation, then it is incorrect and flagged empty", () => {
    for (const answer of ["", "   ", "?!"]) {
      expect(grade(fraud, answer)).toMatchObject({ score: 0, verdict: "incorrect", flags: ["empty"], matched: [] });
    }
  });

  it("when the same answer is graded twice, then the result is identical", () => {
    const answer = "Flink, since sub-second latency needs event-at-a-time processing.";
    expect(grade(fraud, answer)).toEqual(grade(fraud, answer));
  });

  it("when a rubric asks for no choice, then the result has no choice part", () => {
    expect(grade(structuredStreaming, "micro-batches")).not.toHaveProperty("choice");
  });
});

describe("compile", () => {
  it("when the same rubric and lexicon are compiled twice, then the compiled form is reused", () => {
    expect(compile(fraud, lexicon)).toBe(compile(fraud, lexicon));
  });

  it("when an equal but distinct rubric object is compiled, then it gets its own compiled form", () => {
    expect(compile({ ...fraud }, lexicon)).not.toBe(compile(fraud, lexicon));
  });
});
