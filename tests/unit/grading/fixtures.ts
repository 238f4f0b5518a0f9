import type { ChoiceQuestion, Lexicon, ResolvedConcept, ResolvedRubric } from "../../../server/src/grading/types.ts";

/** A lexicon shaped like content/vocabulary.yaml, small enough to reason about in tests. */
export const lexicon: Lexicon = {
  options: [
    {
      id: "spark-batch",
      label: "Spark batch",
      category: "framework",
      aliases: ["spark batch", "batch spark", "spark", "pyspark"],
    },
    {
      id: "spark-streaming",
      label: "Spark Structured Streaming",
      category: "framework",
      aliases: ["structured streaming", "spark streaming", "spark structured streaming"],
    },
    { id: "flink", label: "Flink", category: "framework", aliases: ["flink", "apache flink"] },
    { id: "kafka-streams", label: "Kafka Streams", category: "framework", aliases: ["kafka streams", "ksql"] },
    { id: "lambda", label: "Lambda architecture", category: "architecture", aliases: ["lambda"] },
    { id: "kappa", label: "Kappa architecture", category: "architecture", aliases: ["kappa"] },
    { id: "batch", label: "Batch processing", category: "paradigm", aliases: ["batch", "batch processing"] },
    { id: "streaming", label: "Stream processing", category: "paradigm", aliases: ["streaming", "stream processing"] },
  ],
  synonyms: [
    ["cheap", "inexpensive", "low cost", "cost effective"],
    ["simple", "easy", "straightforward"],
    ["no", "without"],
    ["latency", "delay"],
  ],
};

function concept(id: string, phrases: string[], extra: Partial<ResolvedConcept> = {}): ResolvedConcept {
  return {
    id,
    label: id,
    weight: 1,
    required: false,
    phrases,
    hint: `hint for ${id}`,
    explanation: `about ${id}`,
    ...extra,
  };
}

/** "Daily warehouse refresh processing 500 GB": Spark batch. */
export const dailyRefresh: ResolvedRubric = {
  choice: { expected: ["spark-batch"], alternatives: ["spark-streaming", "flink", "kafka-streams"] },
  concepts: [
    concept("bounded-data", ["bounded dataset", "bounded data", "finite dataset", "bounded"], {
      weight: 2,
      required: true,
    }),
    concept(
      "latency-tolerant",
      [
        "hours of latency acceptable",
        "latency is acceptable",
        "latency of hours",
        "no real-time requirement",
        "daily cadence",
      ],
      { weight: 2 },
    ),
    concept("batch-simpler-cheaper", ["simpler", "cheap", "easier to debug"]),
    concept("no-streaming-complexity", ["no need for streaming", "streaming complexity"]),
  ],
  misconceptions: [
    {
      id: "streaming-always-better",
      phrases: ["streaming is always better"],
      penalty: 0.5,
      explanation: "Streaming is not always better.",
    },
  ],
};

/** "Fraud detection: block in under 100ms": Flink. */
export const fraud: ResolvedRubric = {
  choice: { expected: ["flink"], alternatives: ["spark-batch", "spark-streaming", "kafka-streams"] },
  concepts: [
    concept("sub-100ms", ["sub-100ms", "under 100 ms", "millisecond latency", "sub-second latency"], {
      weight: 2,
      required: true,
    }),
    concept("event-at-a-time", ["event-at-a-time", "true streaming", "each event as it arrives", "no micro-batching"], {
      weight: 2,
    }),
    concept("exactly-once", ["exactly-once"]),
    concept("event-time", ["event-time semantics", "event time", "watermarks"]),
  ],
  misconceptions: [],
};

/** "ML feature pipeline": Flink or Spark Streaming are both right. */
export const mlFeatures: ResolvedRubric = {
  choice: { expected: ["flink", "spark-streaming"], alternatives: ["spark-batch", "kafka-streams"] },
  concepts: [
    concept("stateful-aggregations", ["stateful aggregations", "stateful"], { weight: 2 }),
    concept("team-expertise", ["team already knows spark", "spark expertise", "team knows spark"]),
    concept("latency-matters", ["if latency matters", "latency"]),
  ],
  misconceptions: [],
};

/** "Is Spark Structured Streaming real streaming?": no choice, facts only. */
export const structuredStreaming: ResolvedRubric = {
  concepts: [
    concept("micro-batch", ["micro-batch", "micro-batches", "small intervals"], { weight: 2, required: true }),
    concept("not-event-at-a-time", ["not true streaming", "not event-at-a-time", "not one at a time"], { weight: 2 }),
    concept("seconds-fine", ["seconds-level latency is acceptable", "seconds of latency is fine"]),
  ],
  misconceptions: [
    {
      id: "claims-true-streaming",
      phrases: ["is true streaming", "processes each event individually"],
      penalty: 0.6,
      explanation: "It uses micro-batches.",
    },
  ],
};

export const singleChoice: ChoiceQuestion = {
  type: "single-choice",
  choices: [
    { id: "spark-batch", text: "Spark batch", correct: true, feedback: "Bounded data, hours are fine." },
    { id: "flink", text: "Flink", correct: false, feedback: "Overkill." },
    { id: "kafka-streams", text: "Kafka Streams", correct: false, feedback: "Kafka-to-Kafka only." },
  ],
};

export const multiChoice: ChoiceQuestion = {
  type: "multi-choice",
  choices: [
    { id: "a", text: "A", correct: true, feedback: "A is right." },
    { id: "b", text: "B", correct: true, feedback: "B is right." },
    { id: "c", text: "C", correct: false, feedback: "C is wrong." },
    { id: "d", text: "D", correct: false, feedback: "D is wrong." },
  ],
};
