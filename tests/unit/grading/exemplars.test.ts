import { describe, expect, it } from "vitest";
import { buildExemplarBank, type Exemplar } from "../../../server/src/grading/exemplars.ts";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import type { Spelling } from "../../../server/src/grading/vocabulary.ts";
import type { Verdict } from "../../../server/src/grading/types.ts";

const CORRECT = [
  "Flink, because it handles each event as it arrives with millisecond latency and keeps keyed state",
  "I would pick Flink: per-event processing keeps latency in milliseconds, and its state is checkpointed",
  "Flink processes events one at a time so the fraud check finishes within milliseconds",
  "Flink for sure, event-at-a-time gives low millisecond latency for the fraud decision",
];
const INCORRECT = [
  "Spark batch, run it nightly over the whole day of transactions and flag fraud in the morning report",
  "A nightly Spark batch job is cheapest; fraud can be reviewed the next day from the warehouse",
  "Use Spark batch every night because batch is simpler and reliable for all the fraud rules",
  "Nightly batch with Spark, the morning team looks at the flagged transactions",
];
const FILLER = Array.from(
  { length: 16 },
  (_, i) => `unrelated filler answer number ${i} about dashboards and reports ${i}`,
);

const exemplar = (answer: string, label: Verdict, source = "a.jsonl", question = "fraud"): Exemplar => ({
  question,
  answer,
  label,
  source,
});
const bank = buildExemplarBank([
  ...CORRECT.map((a) => exemplar(a, "correct")),
  ...INCORRECT.map((a) => exemplar(a, "incorrect", "b.jsonl")),
  ...FILLER.map((a) => exemplar(a, "partial", "c.jsonl")),
]);

describe("exemplar vote", () => {
  it("when an answer is written in capitals, then it votes as the same words in lower case", () => {
    const answer = "Flink: it reacts to every event within milliseconds and checkpoints its keyed state";
    const shouted = bank.vote("fraud", answer.toUpperCase());
    expect(shouted).toEqual(bank.vote("fraud", answer.toLowerCase()));
    expect(shouted?.label).toBe("correct");
  });

  it("when the answer's spellings come from the lexer, then the vote is the one read from the text, to the bit", () => {
    const lexer = new Lexer({ phrases: ["event-at-a-time", "keyed state"], known: [] });
    const answers = [...CORRECT, ...INCORRECT, "Flink & Kafka: don't wait, 1.5s is too slow; per-event state"];
    for (const answer of answers)
      for (const options of [{}, { withoutSource: "a.jsonl" }]) {
        const spellings: Spelling[] = [];
        lexer.lex(answer, true, spellings);
        expect(bank.vote("fraud", answer, options, spellings)).toEqual(bank.vote("fraud", answer, options));
      }
  });

  it("when two banks of different sizes vote in turn, then each vote reads only its own exemplars", () => {
    const other = buildExemplarBank(
      Array.from({ length: 40 }, (_, i) =>
        exemplar(`batch window ${i} over the warehouse tables with extra words ${i * 7}`, "incorrect", "d", "other"),
      ),
    );
    const answer = "Flink, each event as it arrives, millisecond latency, keyed state checkpointed";
    const before = bank.vote("fraud", answer);
    expect(other.vote("other", "batch window over the warehouse tables")?.label).toBe("incorrect");
    expect(bank.vote("fraud", answer)).toEqual(before);
    expect(before?.label).toBe("correct");
  });

  it("when an answer words the graded correct answers' idea anew, then the vote is correct and one-sided", () => {
    const vote = bank.vote(
      "fraud",
      "Flink: it reacts to every event within milliseconds and checkpoints its keyed state",
    );
    expect(vote?.label).toBe("correct");
    expect(vote!.share).toBeGreaterThan(0.8);
  });

  it("when an answer is like the answers graded incorrect, then the vote is incorrect", () => {
    expect(bank.vote("fraud", "Run a nightly Spark batch job and review fraud the next morning")?.label).toBe(
      "incorrect",
    );
  });

  it("when the question has too few labelled answers, then there is no vote", () => {
    const small = buildExemplarBank(CORRECT.map((a) => exemplar(a, "correct", "a.jsonl", "tiny")));
    expect(small.vote("tiny", CORRECT[0]!)).toBeUndefined();
  });

  it("when the question has no labelled answers or the answer shares no word with them, then there is no vote", () => {
    expect(bank.vote("unknown-question", "Flink")).toBeUndefined();
    expect(bank.vote("fraud", "zzz qqq")).toBeUndefined();
  });

  it("when a source is left out, then none of its answers vote, nor any answer with the same text", () => {
    const kept = buildExemplarBank([
      ...CORRECT.map((a) => exemplar(a, "correct", "measured.jsonl")),
      ...INCORRECT.map((a) => exemplar(a, "incorrect", "b.jsonl")),
      exemplar(CORRECT[0]!, "incorrect", "copy.jsonl"),
      ...FILLER.map((a) => exemplar(a, "partial", "c.jsonl")),
    ]);
    expect(kept.vote("fraud", CORRECT[0]!)?.label).toBe("correct");
    const leftOut = kept.vote("fraud", CORRECT[0]!, { withoutSource: "measured.jsonl" });
    expect(leftOut?.label).not.toBe("correct");
  });

  it("when the same answer is asked twice, then the vote is the same (ties broken by order, not chance)", () => {
    const answer = "Flink or Spark batch, events and nightly";
    expect(bank.vote("fraud", answer)).toEqual(bank.vote("fraud", answer));
  });
});
