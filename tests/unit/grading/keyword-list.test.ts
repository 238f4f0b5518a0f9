import { describe, expect, it } from "vitest";
import { isKeywordList } from "../../../server/src/grading/keyword-list.ts";
import { analyze } from "./helpers.ts";

const isList = (answer: string) => isKeywordList(analyze(answer).tokens);

describe("isKeywordList", () => {
  it("when an answer is comma-separated terms, then it is a keyword list", () => {
    expect(isList("Spark batch, bounded, latency of hours, simpler, cheap")).toBe(true);
    expect(isList("Flink, exactly-once, watermarks, low latency, event time")).toBe(true);
  });

  it("when an answer is a long run of terms without punctuation, then it is a keyword list", () => {
    expect(isList("kafka streams flink spark streaming low latency real time")).toBe(true);
  });

  it("when an answer is reasoning in sentences, then it is not a keyword list", () => {
    expect(isList("I would use Spark batch because the data is bounded and hours of latency are fine.")).toBe(false);
  });

  it("when an answer is one short sentence, then it is not a keyword list", () => {
    expect(isList("Everything goes through one streaming pipeline.")).toBe(false);
  });

  it("when a bullet list carries sentences, then it is not a keyword list", () => {
    expect(
      isList(
        "- the batch layer is slow but accurate\n- the speed layer is fast and approximate\n- the batch layer corrects it",
      ),
    ).toBe(false);
  });

  it("when an answer has fewer than four words, then it is not judged a list", () => {
    expect(isList("Spark batch.")).toBe(false);
  });

  it("when shorthand notes relate each thing they name (=, ->, labels), then they are not a keyword list", () => {
    expect(isKeywordList(analyze(NOTES).tokens, NOTES)).toBe(false);
    const arrows =
      "Bounded data, hours latency ok -> Spark batch default. e.g. daily DWH refresh, ETL, backfill. bc TB-scale reliable -> mature, simpler/cheaper than streaming.";
    expect(isKeywordList(analyze(arrows).tokens, arrows)).toBe(false);
  });

  it("when notes judge or condition what they name ('ok', 'required', 'if'), then they are statements, not a pile", () => {
    const judged =
      "Spark batch. bounded 500GB, hrs latency ok, cheap + simple, idempotent rerun on fail. no reason for streaming here.";
    expect(isKeywordList(analyze(judged).tokens, judged)).toBe(false);
    const conditioned =
      "Flink if need <1s / ms latency or event-time + late data. SS ok for secs-min. cost: own cluster, steep curve.";
    expect(isKeywordList(analyze(conditioned).tokens, conditioned)).toBe(false);
    // One such word does not turn a pile into notes, nor does a label over a bare enumeration.
    const pile = "Flink, Kafka Streams, Spark, watermarks, exactly-once, state, low latency if needed";
    expect(isKeywordList(analyze(pile).tokens, pile)).toBe(true);
    const labelled =
      "Options: Flink, Kafka Streams, Spark SS, caching. All ok. Concepts: state, watermarks, exactly-once, replay.";
    expect(isKeywordList(analyze(labelled).tokens, labelled)).toBe(true);
  });

  it("when a label heads an enumeration ('Dimensions: a, b, c, d'), then the label does not make it notes", () => {
    const answer =
      "Dimensions: latency, state size, exactly-once, throughput, deployment, cost, team. Priorities: all equal.";
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(true);
  });

  it("when labelled notes end in a bare enumeration sentence, then it is still a keyword list", () => {
    const answer =
      "Problem: schema evolution. Plan: plan the change. Checkpoints, state, savepoints, migration, testing, rollback, offsets.";
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(true);
  });

  it("when terse notes relate things and one sentence lists the steps of a plan, then they are not a keyword list", () => {
    const plan =
      "Retention 7d -> cannot replay 2 years. Source = S3 raw (hourly partitions). Spark batch, new logic, chunk per month, separate cluster. Write into v2 tables, then swap view.";
    expect(isKeywordList(analyze(plan).tokens, plan)).toBe(false);
  });

  it("when notes use 'w/' for 'with' and 'bc' for 'because', then the shorthand is grammar, not a split", () => {
    const notes =
      "Kafka Streams. in/out both Kafka, light work (join w/ lookup KTable, route). no cluster, runs in app.";
    expect(isKeywordList(analyze(notes).tokens, notes)).toBe(false);
    const reason = "fix code, rerun last 14 days. batch reruns fine bc Spark batch is basically idempotent.";
    expect(isKeywordList(analyze(reason).tokens, reason)).toBe(false);
    const dump = "Kafka Streams, KTable, EOS, joins, lookups, routing, low latency";
    expect(isKeywordList(analyze(dump).tokens, dump)).toBe(true);
  });

  it("when five or more bare terms are chained by 'and'/'or' inside a sentence, then it is a keyword list", () => {
    const answer =
      "We would build it with foreachBatch and retries and idempotency keys and an outbox and kafka and monitoring.";
    expect(isKeywordList(analyze(answer).tokens, answer)).toBe(true);
    const prose =
      "We keep the offsets and the output in one transaction, and the sink upserts on a key, so replays are harmless.";
    expect(isKeywordList(analyze(prose).tokens, prose)).toBe(false);
  });
});

const NOTES =
  "Deploy: KS = lib in app, no cluster | Flink = dedicated cluster. Throughput: KS moderate | Flink high, millions ev/s. " +
  "Suits: KS = Kafka→Kafka light stuff | Flink = heavy stateful, event-time, sessions.";
