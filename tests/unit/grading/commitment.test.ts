import { describe, expect, it } from "vitest";
import { fraud, mlFeatures } from "./fixtures.ts";
import { analyze } from "./helpers.ts";

const commit = (answer: string, rubric = fraud) => analyze(answer, rubric).commitment;

describe("findCommitment", () => {
  it("when one option is named and not negated, then the answer commits to it", () => {
    expect(commit("Flink handles it")).toMatchObject({ committed: ["flink"], outcome: "right" });
  });

  it("when a cue like 'I'd go with X' picks one option among several named, then that one is committed", () => {
    const c = commit("Spark Streaming and Kafka Streams were options, but I'd go with Flink.");
    expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
  });

  it("when an option is called the right fit, then it is committed", () => {
    expect(commit("Kafka Streams is popular. Flink is the right fit.").committed).toEqual(["flink"]);
  });

  it("when the answer opens with an option, then that is its answer", () => {
    expect(commit("Flink. Spark Streaming uses micro-batches.").committed).toEqual(["flink"]);
  });

  it("when the answer opens with an option and a word or two, then that is its answer", () => {
    expect(commit("Flink here. Kafka Streams could also read the topic.").committed).toEqual(["flink"]);
  });

  it("when the answer opens with an option as the subject of a sentence, then that alone does not choose it", () => {
    expect(commit("Kafka Streams and Spark Streaming were considered, but I'd go with Flink.").committed).toEqual([
      "flink",
    ]);
  });

  it("when a condemning verdict falls on a pronoun ('that's overkill'), then it rejects the option just named", () => {
    const c = commit("Spark Streaming is the obvious option, but I think that's overkill. Flink handles it.");
    expect(c).toMatchObject({ committed: ["flink"], rejected: ["spark-streaming"], outcome: "right" });
  });

  it("when 'too heavy for it' follows an option asked about, then that option is rejected", () => {
    expect(
      commit("Kafka Streams? The scoring is too heavy for it. Flink does each event as it arrives."),
    ).toMatchObject({
      committed: ["flink"],
      rejected: ["kafka-streams"],
    });
  });

  it("when a condemning verdict names its own option, then a pronoun nearby does not reach further back", () => {
    expect(commit("Flink is what I'd pick. I think Spark Streaming is overkill for it.")).toMatchObject({
      committed: ["flink"],
      rejected: ["spark-streaming"],
    });
  });

  it("when the speaker states their own plan ('I'd schedule the existing Spark job'), then that option is chosen over options only discussed", () => {
    const c = commit("I'd schedule the existing Spark batch job every hour. Flink would bring a dedicated cluster.", {
      ...fraud,
      choice: { expected: ["spark-batch"], alternatives: ["flink"] },
    });
    expect(c).toMatchObject({ committed: ["spark-batch"], outcome: "right" });
  });

  it("when a choosing cue is followed by a list of options, then every listed option shares it", () => {
    expect(commit("I'd do it with Spark Streaming or Flink, both work.").outcome).toBe("several");
  });

  it("when the right option is negated and a wrong one chosen, then the outcome is wrong and flagged", () => {
    const c = commit("I would not use Flink. Spark Streaming.");
    expect(c).toMatchObject({ committed: ["spark-streaming"], rejected: ["flink"], outcome: "wrong" });
    expect(c.flags).toEqual(["negated-choice", "wrong-choice"]);
  });

  it("when only the right option is named and it is negated, then the outcome is negated", () => {
    expect(commit("Not Flink.")).toMatchObject({ committed: [], outcome: "negated", flags: ["negated-choice"] });
  });

  it("when several options are named with nothing choosing between them, then it commits to several", () => {
    const c = commit("Could be Spark, Flink or Kafka Streams, it depends.");
    expect(c.outcome).toBe("several");
    expect(c.flags).toContain("several-choices");
    expect(c.hedged).toBe(true);
  });

  it("when no option is named, then there is no commitment", () => {
    expect(commit("It depends on the latency.")).toMatchObject({
      committed: [],
      outcome: "none",
      flags: ["no-commitment"],
    });
  });

  it("when the answer opens with a list of options, then the first is not taken as the answer", () => {
    expect(commit("Spark, Flink or Kafka Streams would all work.").outcome).toBe("several");
  });

  it("when both expected options are chosen and a third is ruled out, then it is a right commitment", () => {
    const c = commit(
      "I'd use Flink or Spark Structured Streaming. I'd rule out Kafka Streams, it is too limited.",
      mlFeatures,
    );
    expect(c).toMatchObject({ outcome: "right", rejected: ["kafka-streams"] });
  });

  it("when both committed options are expected, then that is a right commitment, not hedging", () => {
    const c = commit("Flink, or Spark Streaming if the team already knows Spark.", mlFeatures);
    expect(c.outcome).toBe("right");
    expect(c.flags).toEqual([]);
  });

  it("when 'I'd use X or Y' names a right and a wrong option, then it is several choices", () => {
    expect(commit("I'd use Flink or Spark batch.").outcome).toBe("several");
  });

  it("when a bare 'Spark' follows 'Spark Structured Streaming', then it names the family, not Spark batch", () => {
    const c = commit("Spark Structured Streaming, since the team already runs Spark.", mlFeatures);
    expect(c.committed).toEqual(["spark-streaming"]);
  });

  it("when a bare 'Spark' stands with Spark Streaming negated, then it is Spark batch", () => {
    expect(analyze("I'd use Spark, not Spark Streaming.").commitment.committed).toEqual(["spark-batch"]);
  });

  it("when 'batch' is part of 'micro-batch', then it names no option", () => {
    expect(analyze("micro-batch streaming with Flink").mentioned).toEqual(["flink"]);
  });

  it("when a second option is named only under a condition ('if the tail breaks the budget, switch to Flink'), then it is a plan, not a choice", () => {
    const c = commit(
      "Flink, handling each event as it arrives. If the budget were a few seconds, I would go with Spark Streaming.",
    );
    expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    expect(
      commit("Only if seconds were fine would Spark Streaming be the right fit; I would use Flink.").committed,
    ).toEqual(["flink"]);
  });

  it("when the only option named is under a condition, then it still counts as the (tentative) answer", () => {
    expect(commit("If you need sub-second latency, Flink.").committed).toEqual(["flink"]);
  });

  describe("the decision sentence", () => {
    it("when a sentence opened by 'So:' names an option, then it outweighs options weighed before it", () => {
      const c = commit(
        "Kafka Streams is the right fit for simple rules, I'd say. So: Flink, for the state and latency.",
      );
      expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    });

    it("when 'Final answer:' introduces the option in the next clause, then that option is the decision", () => {
      expect(commit("Spark Streaming would be my default. Final answer: Flink.").committed).toEqual(["flink"]);
    });

    it("when the answer opens with its choice on its own, then options named later in support do not count", () => {
      const c = commit("Flink. I'd use Kafka Streams for simpler rules, but not this time.");
      expect(c.committed).toEqual(["flink"]);
    });

    it("when the concluding sentence sequences two options, then only the first is decided", () => {
      expect(commit("So: Flink first, then Kafka Streams for the enrichment.").committed).toEqual(["flink"]);
    });

    it("when an option is left standing after the others are weighed ('Flink then:', 'Flink it is'), then it is the decision", () => {
      const weighed = "Kafka Streams is the right fit for simple rules. Spark Streaming is fine for the team.";
      expect(commit(`${weighed} Flink then: per-event state.`).committed).toEqual(["flink"]);
      expect(commit(`${weighed} Flink it is.`).committed).toEqual(["flink"]);
      expect(commit(`${weighed} => Flink.`).committed).toEqual(["flink"]);
    });

    it("when 'then' sequences options inside a sentence, then it decides nothing", () => {
      expect(commit("I'd use Kafka Streams then Flink for the heavy rules.").outcome).toBe("several");
    });

    it("when a mid-sentence 'so' follows reasoning, then it is not a decision", () => {
      const c = commit("I'd use Flink here, and Spark Streaming is the right fit too, so Spark Streaming works.");
      expect(c.outcome).toBe("several");
    });

    it("when a concluding sentence lists every option, then it is still several choices", () => {
      expect(commit("So Flink, Spark Streaming and Kafka Streams are all great.").outcome).toBe("several");
      expect(commit("So use Flink and Spark Streaming together.").outcome).toBe("several");
    });

    it("when options are listed without a decision, then it is still several choices", () => {
      expect(commit("Spark Streaming, Flink and Kafka Streams are all great.").outcome).toBe("several");
      expect(commit("I'd use Flink and Spark Streaming together.").outcome).toBe("several");
    });
  });

  it("when 'micro-batch' follows an option's first word after a gap ('Spark's micro-batch model'), then the name stops before it", () => {
    const a = analyze("It fits Spark's micro-batch model.");
    expect(a.mentions.map((m) => a.tokens.slice(m.from, m.to + 1).map((t) => t.word))).toEqual([["spark"]]);
    expect(analyze("Spark in batch mode, nightly.").mentioned).toEqual(["spark-batch"]);
  });

  describe("options put up to be weighed", () => {
    it("when an option later in the answer is posed as a question or heading, then it is not chosen", () => {
      const c = commit(
        "Let me check each. Kafka Streams? Fine on latency. Spark Streaming: micro-batches. Flink is the right fit.",
      );
      expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    });

    it("when the answer opens with an option and a colon, then that is still its answer", () => {
      expect(
        commit("Flink: per-event processing, and Kafka Streams would struggle with the state.").committed,
      ).toContain("flink");
    });

    it("when an option is named only for a case ('X only if …'), then the option named plainly is the answer", () => {
      const c = commit(
        "The team can run Spark Streaming with the same code. Flink only if they ever need sub-second.",
        mlFeatures,
      );
      expect(c).toMatchObject({ committed: ["spark-streaming"], outcome: "right" });
    });
  });

  describe("a change of mind", () => {
    it("when an earlier thought is followed by 'Hmm, no, actually', then the earlier option is taken back", () => {
      const c = commit(
        "First reaction: Kafka Streams, right? Hmm, no, actually, the state is too big. Flink handles it.",
      );
      expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    });

    it("when 'I was about to say X' is followed by 'but', then X is taken back", () => {
      const c = commit(
        "I was about to say Kafka Streams, it is already there. But the state is large. Flink handles it.",
      );
      expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    });

    it("when a first pass is given up with 'But', then the option after it stands", () => {
      const c = commit("So my first pass was Kafka Streams. But its windowing is limited. So, reluctantly, Flink.");
      expect(c).toMatchObject({ committed: ["flink"], outcome: "right" });
    });
  });
});
