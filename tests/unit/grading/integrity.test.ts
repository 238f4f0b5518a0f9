import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/load.ts";
import { assessConfidence, type ConfidenceSignals } from "../../../server/src/grading/confidence.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import { isKeywordList } from "../../../server/src/grading/keyword-list.ts";
import { findRetracted } from "../../../server/src/grading/retraction.ts";
import { REAL_CONTENT } from "../content/fixtures.ts";
import { analyze } from "./helpers.ts";

const bank = loadContent(REAL_CONTENT);

function grade(slug: string, answer: string) {
  const question = bank.questions.find((q) => q.slug === slug);
  if (question?.type !== "free-text") throw new Error(`${slug} is not a free-text question`);
  return gradeFreeText(question.resolvedRubric, bank.lexicon, answer);
}

const retractedWords = (answer: string) => {
  const { tokens } = analyze(answer);
  const mask = findRetracted(tokens, answer);
  return tokens.filter((_, i) => mask[i] === 1).map((t) => t.word);
};

describe("facts are tied to what they are said about", () => {
  it("when micro-batching is credited to Flink, then it is a wrong fact and earns nothing", () => {
    const r = grade(
      "compare-spark-streaming-vs-flink",
      "Flink is the micro-batch engine, while Structured Streaming handles each event individually.",
    );
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toEqual(expect.arrayContaining(["wrong-fact:micro-batch", "wrong-fact:event-at-a-time"]));
  });

  it("when the same facts are said of the right frameworks, then there is no wrong fact", () => {
    const r = grade(
      "compare-spark-streaming-vs-flink",
      "Structured Streaming is the micro-batch engine, while Flink handles each event individually.",
    );
    expect(r.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when a framework is only compared with ('unlike Flink'), then the fact is not pinned on the other side", () => {
    const r = grade(
      "kafka-streams-operations",
      "Kafka Streams, unlike Flink, is just a library, so there is no separate cluster.",
    );
    expect(r.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when a fact is denied of the framework it is true of, then it is a wrong fact", () => {
    const r = grade(
      "spark-batch-cost-pitfalls",
      "Spark batch has almost no startup overhead, so it is ideal for small datasets.",
    );
    expect(r.flags).toContain("wrong-fact:job-startup-overhead");
    expect(r.verdict).toBe("incorrect");
  });

  it("when notes put the framework before a colon, then the fact after it is about that framework", () => {
    const r = grade(
      "compare-exactly-once-mechanisms",
      "Flink: Kafka transactions. Kafka Streams: lightweight checkpoints.",
    );
    expect(r.flags).toEqual(
      expect.arrayContaining(["wrong-fact:kafka-transactions", "wrong-fact:lightweight-checkpoints"]),
    );
  });

  it("when an architecture question's answer claims two codebases without naming one, then it is about Kappa", () => {
    const r = grade(
      "arch-kappa",
      "One streaming pipeline where you replay the topic to reprocess; the downside is two codebases to keep in sync.",
    );
    expect(r.flags).toContain("wrong-fact:two-codepaths");
    expect(r.verdict).toBe("incorrect");
  });

  it("when a framework fills a part of an architecture ('Flink as the speed layer'), then no architecture fact is pinned on it", () => {
    const speed = grade(
      "arch-lambda",
      "Lambda: Spark batch recomputes the history each night, with Flink as the speed layer for fresh numbers.",
    );
    const codebases = grade(
      "arch-lambda",
      "With Spark and Flink you maintain two codebases, the batch layer and the speed layer.",
    );
    expect([...speed.flags, ...codebases.flags].filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when an architecture is credited with another architecture's part, then it is still a wrong fact", () => {
    const r = grade("arch-kappa", "Kappa keeps a speed layer and a batch layer side by side.");
    expect(r.flags).toContain("wrong-fact:batch-and-speed-layers");
  });

  it("when a clause opens with 'it' after a sentence naming one option, then the claim is about that option", () => {
    const r = grade(
      "spark-batch-low-latency-request",
      "Switch the same code to Structured Streaming's default trigger. It's event-at-a-time under the hood, so 200 ms is met.",
    );
    expect(r.flags).toContain("wrong-fact:event-at-a-time");
    const both = grade(
      "compare-spark-streaming-vs-flink",
      "Compare Structured Streaming with Flink. It is event-at-a-time, with millisecond latency.",
    );
    expect(both.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when the only name after a claim follows 'for' ('a steep curve for a Spark team'), then the claim is not pinned on it", () => {
    const r = grade(
      "scenario-realtime-dashboard",
      "Micro-batches meet thirty seconds fine; a steep learning curve for a Spark team is why I'd avoid Flink, so Structured Streaming.",
    );
    expect(r.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when a fact is raised against an option ('micro-batch floor too slow'), then it is not claimed of the subject", () => {
    const r = grade(
      "flink-when-to-choose",
      "Flink when you need sub-second results -> the micro-batch floor is too slow.",
    );
    expect(r.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });
});

describe("phrases naming two roles keep their order", () => {
  it("when the roles are swapped ('Flink for batch and Spark for streaming'), then the usual split is not credited", () => {
    const r = grade("faq-flink-replace-spark", "In practice most orgs run Flink for batch and Spark for streaming.");
    expect(r.matched.map((m) => m.concept)).not.toContain("spark-batch-flink-streaming");
    expect(r.verdict).not.toBe("correct");
  });
});

describe("keyword piles", () => {
  it.each([
    ["and", "Flink and event-at-a-time and exactly-once and watermarks and low latency"],
    ["slashes", "Micro-batch / event-at-a-time / milliseconds / seconds / cluster / checkpointing / watermarks"],
    ["plus signs", "Flink + low latency + exactly-once + watermarks + state"],
    ["line breaks", "Flink\nlow latency\nexactly-once\nwatermarks"],
    [
      "phrases joined by and",
      "bounded and hours old and high throughput and mature ecosystem and no need for streaming",
    ],
  ])("when terms are joined by %s, then it is a keyword list", (_, answer) => {
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(true);
  });

  it("when grammar words sit inside a compound, then they do not make a pile a sentence", () => {
    const answer = "Flink, event-at-a-time, exactly-once, watermarks, low latency";
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(true);
  });

  it.each([
    "1) tiny datasets: job startup overhead > actual work. 2) sub-sec latency: not built for it. 3) shuffle-heavy joins: $$$ + hard to tune.",
    "A batch job reruns on failure, and the streaming engines keep offsets and state, and Flink checkpoints state, and Kafka Streams uses transactions.",
    "Spark batch, scales well.",
  ])("when terse notes or sentences make statements (%s), then it is not a keyword list", (answer) => {
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(false);
  });

  it("when a pile names the right framework and the rubric's own points, then it is incorrect", () => {
    const r = grade("scenario-fraud-detection", "Flink and event at a time and 100 ms and exactly once and watermarks");
    expect(r.verdict).toBe("incorrect");
    expect(r.flags).toContain("keyword-list");
  });
});

describe("the prompt earns nothing", () => {
  it("when the prompt is pasted back, then it is incorrect", () => {
    const question = bank.questions.find((q) => q.slug === "scenario-daily-warehouse-refresh")!;
    expect(grade(question.slug, question.prompt).verdict).toBe("incorrect");
  });

  it("when an answer restates the prompt's constraint and reasons from it, then the restated point still counts", () => {
    const r = grade(
      "scenario-realtime-dashboard",
      "Structured Streaming: 30 seconds is well within micro-batch range and the team already runs Spark, so same API and no new framework.",
    );
    expect(r.verdict).toBe("correct");
  });
});

describe("commitment reads like a person", () => {
  it("when the answer takes back its first choice, then the last firm choice wins", () => {
    const r = grade(
      "scenario-fraud-detection",
      "First thought: Kafka Streams, since it is light. Actually, on second thought, fraud scoring is heavy and stateful. " +
        "So Flink: it handles each event as it arrives with millisecond latency and exactly-once state.",
    );
    expect(r.choice?.committed).toEqual(["flink"]);
    expect(r.verdict).toBe("correct");
  });

  it("when a retraction has no earlier-thought cue, then the sentence before it is taken back", () => {
    expect(retractedWords("Spark batch is fine. No wait, Flink.")).toEqual([
      "spark",
      "batch",
      "is",
      "fine",
      "no",
      "wait",
    ]);
  });

  it("when 'but no,' or 'but wait' follows an earlier thought, then the thought is taken back; 'but no one' is not a retraction", () => {
    expect(retractedWords("My first thought is Flink. But no, Spark batch.")).toEqual([
      "my",
      "first",
      "thought",
      "is",
      "flink",
      "but",
      "no",
    ]);
    expect(retractedWords("Flink is tempting. But wait, Spark batch is enough.")).toEqual([
      "flink",
      "is",
      "tempting",
      "but",
      "wait",
    ]);
    expect(retractedWords("Spark batch is enough. But no one needs seconds here.")).toEqual([]);
  });

  it("when an answer closes on a bare 'it really depends', then it is incorrect whatever it listed; naming the condition is not caught", () => {
    const open = grade(
      "compare-spark-streaming-vs-flink",
      "Spark is micro-batch and Flink is event-at-a-time, both scale. Either can be the right pick; it really depends.",
    );
    expect(open).toMatchObject({ verdict: "incorrect" });
    expect(open.flags).toContain("undecided");
    const named = grade(
      "compare-spark-streaming-vs-flink",
      "Spark is micro-batch and Flink is event-at-a-time. It depends on whether you need sub-second latency.",
    );
    expect(named.flags).not.toContain("undecided");
  });

  it("when an answer offers a menu of alternatives joined by 'or' and hands the choice back, then it is undecided; picking one is not", () => {
    const slug = "compare-spark-streaming-vs-flink";
    for (const open of [
      "You could tune the trigger, or use continuous mode, or move to Flink, or add executors. There are lots of options and each has trade-offs.",
      "The options are: micro-batch, continuous mode, Flink, or a cache. Each has pros and cons and the right one depends.",
      "Spark Structured Streaming, Flink or Kafka Streams; all of them could work depending on the team.",
    ])
      expect(grade(slug, open).flags).toContain("undecided");
    for (const chosen of [
      "I'd use Flink: it processes event at a time. Spark or Kafka Streams would also work but cost more.",
      "Flink, because it is event-at-a-time. Each has trade-offs, but here latency decides.",
      "You could use Flink or Spark. Each has trade-offs.",
    ])
      expect(grade(slug, chosen).flags).not.toContain("undecided");
  });

  it("when a later plan is conditional ('if analysts later need…, Structured Streaming is the next step'), then it is not a second choice", () => {
    const question = bank.questions.find((q) => q.slug === "scenario-hourly-sales-refresh");
    if (question?.type !== "free-text") throw new Error("missing question");
    expect(grade(question.slug, question.modelAnswer).verdict).toBe("correct");
  });
});

describe("confidence", () => {
  const signals: ConfidenceSignals = {
    score: 0.9,
    verdict: "correct",
    words: 20,
    matchedCount: 3,
    looseCount: 0,
    retracted: false,
    requiredWaived: false,
    statedError: false,
    negatedPoint: false,
  };

  it("when a clear answer matches plainly, then the grade is high confidence with no reasons", () => {
    expect(assessConfidence(signals)).toEqual({ confidence: "high", confidenceReasons: [] });
  });

  it.each([
    [{ score: 0.52 }, "near-threshold"],
    [{ looseCount: 3 }, "loose-matches-only"],
    [{ words: 90, retracted: true }, "mixed-signals"],
    [{ requiredWaived: true }, "required-point-waived"],
    [{ words: 40, verdict: "partial", score: 0.35 }, "little-recognised"],
  ] as const)("when %o, then the grade is low confidence because of %s", (change, reason) => {
    expect(assessConfidence({ ...signals, ...change })).toMatchObject({
      confidence: "low",
      confidenceReasons: [reason],
    });
  });

  it("when a long answer states a wrong fact and earns little, then the grade stays high confidence", () => {
    expect(
      assessConfidence({ ...signals, words: 40, verdict: "incorrect", score: 0.1, statedError: true }).confidence,
    ).toBe("high");
  });

  it("when the grader returns a free-text grade, then it carries confidence and its reasons", () => {
    const r = grade("scenario-fraud-detection", "Flink.");
    expect(r.confidence).toMatch(/^(high|low)$/);
    expect(Array.isArray(r.confidenceReasons)).toBe(true);
  });
});

describe("robustness", () => {
  it("when answers are odd shapes, then the grader never throws", () => {
    const odd = [
      "",
      ":",
      "->",
      "Flink:",
      ": Flink",
      "Flink: : :",
      "KS -> ",
      "\n\n",
      "a/b/c/d",
      "Flink, Flink, Flink, Flink",
      "😀 Flink ✓",
    ];
    for (const question of bank.questions) {
      if (question.type !== "free-text") continue;
      for (const answer of odd)
        expect(() => gradeFreeText(question.resolvedRubric, bank.lexicon, answer)).not.toThrow();
    }
  });
});

describe("views the answer only reports", () => {
  it("when the answer quotes what others would pick, then that option is not a commitment", () => {
    const r = grade(
      "scenario-realtime-dashboard",
      "Structured Streaming: the team knows Spark and 30 s freshness suits micro-batches. Some people would say Flink is best here, but that is overkill.",
    );
    expect(r.choice?.committed).toEqual(["spark-streaming"]);
    expect(r.verdict).toBe("correct");
  });

  it("when a wrong claim is attributed to others and then denied, then it is not a wrong fact of the answer", () => {
    const claimed = grade(
      "kafka-streams-when-to-choose",
      "Kafka Streams supports batch processing. It fits light Kafka-to-Kafka work inside your own service.",
    );
    const reported = grade(
      "kafka-streams-when-to-choose",
      "Some people claim Kafka Streams supports batch processing, but it doesn't. It fits light Kafka-to-Kafka work inside your own service.",
    );
    expect(claimed.flags).toContain("wrong-fact:no-batch-support");
    expect(reported.flags.filter((f) => f.startsWith("wrong-fact"))).toEqual([]);
  });

  it("when the speaker takes over ('but I'd …'), then what follows is the answer's own choice again", () => {
    const r = grade(
      "scenario-realtime-dashboard",
      "Flink. Some people say Structured Streaming, but the micro-batch floor is fine for 30 s anyway.",
    );
    expect(r.choice?.committed).toEqual(["flink"]);
  });

  it("when 'people' only names whose assumption the answer overturns ('the reverse of what people assume:'), then the claim is the answer's", () => {
    const r = grade(
      "compare-spark-streaming-vs-flink",
      "It's the reverse of what people assume: Flink is the micro-batch engine, while Structured Streaming handles each event individually.",
    );
    expect(r.flags).toContain("wrong-fact:micro-batch");
  });

  it("when a requirement is too tight for an option, then the option is rejected, not chosen", () => {
    const r = grade(
      "scenario-fraud-detection",
      "100 ms is too tight for Structured Streaming's micro-batches, so I'd run the fraud check on Flink, event by event.",
    );
    expect(r.choice?.committed).toEqual(["flink"]);
  });

  it("when a misconception is only supposed under 'if', then it is not held", () => {
    const base =
      "Spark batch: the data is bounded and complete before the run, and nobody reads it before morning, so batch is simpler.";
    const held = grade("scenario-daily-warehouse-refresh", `${base} The warehouse needs real-time processing, though.`);
    const supposed = grade(
      "scenario-daily-warehouse-refresh",
      `${base} If the warehouse needs real-time processing one day, we revisit it.`,
    );
    expect(held.flags).toContain("misconception:streaming-for-warehouse-refresh");
    expect(supposed.flags).not.toContain("misconception:streaming-for-warehouse-refresh");
  });

  it("when an option is declared out ('Kafka Streams is out'), then it is rejected, not chosen", () => {
    const r = grade(
      "scenario-five-minute-freshness",
      "Kafka Streams is out, since the clicks land as files. Structured Streaming with a one-minute trigger on the existing Spark cluster fits five minutes and tracks new files.",
    );
    expect(r.choice?.committed).toEqual(["spark-streaming"]);
  });

  it("when an earlier instinct is followed by 'but', then only that instinct is taken back", () => {
    expect(retractedWords("My first instinct was Flink, but hourly data is bounded, so Spark batch.")).toEqual([
      "first",
      "instinct",
      "was",
      "flink",
      "but",
    ]);
    expect(retractedWords("Spark batch fits bounded data and my first instinct was Flink, but hours are fine")).toEqual(
      ["first", "instinct", "was", "flink", "but"],
    );
  });
});
