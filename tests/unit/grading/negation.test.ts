import { describe, expect, it } from "vitest";
import { analyze } from "./helpers.ts";

describe("negation of options", () => {
  it("when an option follows 'not', then it is negated", () => {
    expect(analyze("Not Spark, use Flink").negatedOptions).toEqual(["spark-batch"]);
  });

  it("when the answer says 'I wouldn't use X', then X is negated and nothing before 'I' is", () => {
    expect(analyze("Spark batch, and I wouldn't use Kafka Streams").negatedOptions).toEqual(["kafka-streams"]);
  });

  it("when X comes after 'instead of' or 'rather than', then X is negated but the chosen option is not", () => {
    expect(analyze("Spark batch instead of Flink").negatedOptions).toEqual(["flink"]);
    expect(analyze("Spark batch rather than Flink").negatedOptions).toEqual(["flink"]);
  });

  it("when 'over' sits between two options, then only the second is negated", () => {
    expect(analyze("Spark batch over Flink here").negatedOptions).toEqual(["flink"]);
  });

  it("when 'over' is not between options, then it negates nothing", () => {
    expect(analyze("Flink aggregates over time windows").negatedOptions).toEqual([]);
  });

  it("when the answer avoids X, calls X overkill, too slow, or says there is no need for X, then X is negated", () => {
    expect(analyze("avoid Flink").negatedOptions).toEqual(["flink"]);
    expect(analyze("Flink is overkill").negatedOptions).toEqual(["flink"]);
    expect(analyze("Spark Streaming would be too slow").negatedOptions).toEqual(["spark-streaming"]);
    expect(analyze("there is no need for Flink").negatedOptions).toEqual(["flink"]);
    expect(analyze("do it without Kafka Streams").negatedOptions).toEqual(["kafka-streams"]);
  });

  it("when X is the subject of a verdict like 'isn't fast enough' or 'can't meet', then X is negated", () => {
    expect(analyze("Spark batch isn't fast enough").negatedOptions).toEqual(["spark-batch"]);
    expect(analyze("Spark batch can't meet the deadline").negatedOptions).toEqual(["spark-batch"]);
    expect(analyze("Flink is not the right fit").negatedOptions).toEqual(["flink"]);
  });

  it("when X is the subject of a plain negative fact like 'doesn't need a cluster', then X is not negated", () => {
    expect(analyze("Kafka Streams doesn't need a cluster").negatedOptions).toEqual([]);
  });

  it("when X is compared with 'simpler than X', then X is negated", () => {
    expect(analyze("Spark batch is simpler than Flink").negatedOptions).toEqual(["flink"]);
  });

  it("when several options are listed after one negation, then all of them are negated", () => {
    expect(analyze("not Flink, Kafka Streams or Spark Streaming").negatedOptions).toEqual([
      "flink",
      "kafka-streams",
      "spark-streaming",
    ]);
    expect(analyze("I would not use Flink or Kafka Streams").negatedOptions).toEqual(["flink", "kafka-streams"]);
  });

  it("when a new clause starts after a comma with its own verb, then the negation stops before it", () => {
    expect(analyze("not Flink, Spark batch is enough").negatedOptions).toEqual(["flink"]);
  });

  it("when a clause boundary such as 'but', 'because', ';' or '.' follows, then the negation stops there", () => {
    expect(analyze("not Flink but Spark batch").negatedOptions).toEqual(["flink"]);
    expect(analyze("I would not stream because Spark batch works").negatedOptions).toEqual([]);
    expect(analyze("no streaming; Spark batch").negatedOptions).toEqual([]);
    expect(analyze("Not that. Spark batch").negatedOptions).toEqual([]);
  });

  it("when 'not only', 'doesn't matter' or 'whether or not' is used, then nothing is negated", () => {
    expect(analyze("not only Flink").negatedOptions).toEqual([]);
    expect(analyze("it doesn't matter if seconds of latency are fine").negatedWords).toEqual([]);
    expect(analyze("whether or not Flink").negatedOptions).toEqual([]);
  });
});

describe("negation of concepts", () => {
  it("when 'not' precedes words, then the words up to the end of the segment are negated", () => {
    expect(analyze("the data is not bounded, hours are fine").negatedWords).toEqual(["bounded"]);
  });

  it("when a negation reaches an option, then it stops there and the reasoning after is not negated", () => {
    const { negatedWords, negatedOptions } = analyze("I wouldn't use Flink for bounded data");
    expect(negatedOptions).toEqual(["flink"]);
    expect(negatedWords).not.toContain("bounded");
  });

  it("when a relative clause describes a rejected option, then its words are marked as about the rejected option", () => {
    expect(analyze("not Flink, which has low latency").aboutRejected).toEqual(["which", "has", "low", "latency"]);
  });

  it("when words sit between a rejected option and its verdict, then they are marked as about it", () => {
    expect(analyze("Flink with exactly-once is overkill").aboutRejected).toEqual(["with", "exactly", "once", "is"]);
  });

  it("when words come before the rejected option, then they are context, not its description", () => {
    expect(analyze("for bounded data Flink is overkill").aboutRejected).toEqual(["is"]);
  });
});

describe("negation of slashed options", () => {
  it("when options are joined by a slash after a negation, then all of them are negated", () => {
    expect(analyze("no flink/spark cluster to run").negatedOptions).toEqual(["flink", "spark-batch"]);
  });
});

describe("negation by rejection verbs and negative pronouns", () => {
  it("when the answer rules out, excludes or rejects X, then X is negated", () => {
    expect(analyze("I'd rule out Kafka Streams").negatedOptions).toEqual(["kafka-streams"]);
    expect(analyze("we can exclude Flink").negatedOptions).toEqual(["flink"]);
    expect(analyze("I reject Spark Streaming here").negatedOptions).toEqual(["spark-streaming"]);
  });

  it("when 'nothing' or 'nobody' starts the clause, then what follows is negated", () => {
    expect(analyze("nothing here needs low latency").negatedWords).toEqual(["here", "needs", "low", "latency"]);
  });

  it("when 'rule' is not followed by 'out', then it negates nothing", () => {
    expect(analyze("as a rule Flink wins").negatedOptions).toEqual([]);
  });
});

describe("rejections read like a person", () => {
  it("when the answer pushes back on X or stays away from X, then X is negated", () => {
    expect(analyze("I'd push back on Flink. Spark batch hourly is enough.").negatedOptions).toEqual(["flink"]);
    expect(analyze("Stay away from Kafka Streams here").negatedOptions).toEqual(["kafka-streams"]);
  });

  it("when notes leave out the verb ('Flink not needed'), then the verdict still falls on X", () => {
    expect(analyze("Spark batch hourly. Flink not needed.").negatedOptions).toEqual(["flink"]);
    expect(analyze("Kafka Streams not a good fit").negatedOptions).toEqual(["kafka-streams"]);
  });

  it("when an option is followed by 'not' and no verdict, then it is not negated", () => {
    expect(analyze("Flink not only scales but also keeps state").negatedOptions).toEqual([]);
    expect(analyze("Spark batch, not because it is trendy").negatedOptions).toEqual([]);
  });

  it("when 'it's not the right tool' follows an option, then the pronoun's option is negated", () => {
    expect(
      analyze("Spark Streaming's micro-batches eat the budget, so it's not the right tool here.").negatedOptions,
    ).toEqual(["spark-streaming"]);
  });

  it("when a bare 'no' closes the weighing of an option, then that option is negated", () => {
    expect(analyze("Spark Streaming: micro-batches sit near the budget, so no.").negatedOptions).toEqual([
      "spark-streaming",
    ]);
    expect(analyze("Kafka Streams no (Kafka only). Spark batch hourly.").negatedOptions).toEqual(["kafka-streams"]);
  });

  it("when 'no' is an object ('the answer is no', 'say no') or a determiner, then it negates no earlier option", () => {
    expect(analyze("Is Flink needed? The answer is no.").negatedOptions).toEqual([]);
    expect(analyze("Flink has no cluster-free mode").negatedOptions).toEqual([]);
  });

  it("when 'no' stands before a dash, then it does not negate the option after the dash", () => {
    expect(analyze("But actually, no - Spark batch first.").negatedOptions).toEqual([]);
  });

  it("when notes rule an option out without a verb ('KS out:'), then it is negated", () => {
    expect(analyze("Kafka Streams out: topics only. Spark batch hourly.").negatedOptions).toEqual(["kafka-streams"]);
    expect(analyze("Flink out of the box handles state").negatedOptions).toEqual([]);
  });

  it("when what an option would bring is wanted by nobody, then the option is condemned", () => {
    expect(analyze("Flink or Kafka Streams would buy freshness nobody asked for.").negatedOptions).toEqual([
      "flink",
      "kafka-streams",
    ]);
    expect(analyze("Spark Streaming means paying for latency no one uses.").negatedOptions).toEqual([
      "spark-streaming",
    ]);
  });

  it("when 'nobody needs' states the requirement before more words, then it condemns no option", () => {
    expect(analyze("Nobody needs seconds here, so Spark batch.").negatedOptions).toEqual([]);
    expect(analyze("Flink is great, and nobody needs more than that").negatedOptions).toEqual([]);
  });

  it("when an option's feature is called limited, then the option is condemned, unless 'limited by' says what bounds it", () => {
    expect(analyze("Flink for state. Kafka Streams limited windowing.").negatedOptions).toEqual(["kafka-streams"]);
    expect(analyze("Spark batch: freshness is limited by the schedule.").negatedOptions).toEqual([]);
  });
});
