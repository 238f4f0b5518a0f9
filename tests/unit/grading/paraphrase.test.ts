import { describe, expect, it } from "vitest";
import { compile } from "../../../server/src/grading/compile.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import {
  findMatches,
  findUnordered,
  indexStems,
  loosePattern,
  toPattern,
} from "../../../server/src/grading/phrases.ts";
import { stem } from "../../../server/src/grading/stem.ts";
import type { ResolvedRubric } from "../../../server/src/grading/types.ts";
import { dailyRefresh, fraud, lexicon } from "./fixtures.ts";
import { analyze } from "./helpers.ts";

const lexer = new Lexer({ phrases: ["reuse the same code", "batching adds delay", "no separate cluster"], known: [] });

function unordered(phrase: string, answer: string): string[] {
  const pattern = loosePattern(toPattern(lexer, phrase));
  if (!pattern) return [];
  const tokens = lexer.lex(answer, false);
  return findUnordered(pattern, tokens, indexStems(tokens)).map((m) =>
    answer.slice(tokens[m.from]!.start, tokens[m.to]!.end),
  );
}

function inOrder(phrase: string, answer: string): string[] {
  const pattern = toPattern(lexer, phrase);
  const tokens = lexer.lex(answer, false);
  return findMatches(pattern, tokens, indexStems(tokens)).map((m) =>
    answer.slice(tokens[m.from]!.start, tokens[m.to]!.end),
  );
}

describe("stem: folded forms", () => {
  it("when a verb is irregular ('built', 'embedded'), then it stems like its base", () => {
    expect(stem("built")).toBe(stem("builds"));
    expect(stem("embedded")).toBe(stem("embeds"));
    expect(stem("known")).toBe(stem("know"));
  });

  it("when a negator means 'no' ('without', 'nobody', 'nothing'), then it shares the stem of 'not'; 'never' stays apart", () => {
    for (const w of ["no", "without", "nobody", "nothing", "none"]) expect(stem(w)).toBe(stem("not"));
    expect(stem("never")).not.toBe(stem("not"));
  });
});

describe("phrase matching: negators and paraphrase", () => {
  it("when a phrase says 'no X' and the answer says 'without a X', then it matches", () => {
    expect(inOrder("no separate cluster", "it runs without a separate cluster")).toEqual([
      "without a separate cluster",
    ]);
  });

  it("when a phrase of three or more words appears reordered inside one segment, then the unordered match finds it", () => {
    expect(unordered("reuse the same code", "the same code we can reuse")).toEqual(["same code we can reuse"]);
  });

  it("when the reordered words are spread further than the phrase plus two words, then it does not match", () => {
    expect(unordered("reuse the same code", "same ideas and the whole code base we would happily reuse")).toEqual([]);
  });

  it("when the reordered words are in different segments, then it does not match", () => {
    expect(unordered("reuse the same code", "the same code, we reuse")).toEqual([]);
  });

  it("when the phrase has fewer than three content words or holds a negator, then the unordered match is not tried", () => {
    expect(loosePattern(toPattern(lexer, "same code"))).toBeUndefined();
    expect(loosePattern(toPattern(lexer, "code for the team"))).toBeUndefined();
    expect(loosePattern(toPattern(lexer, "no separate cluster"))).toBeUndefined();
    expect(loosePattern(toPattern(lexer, "reuse the same code"))).toMatchObject({
      stems: ["reus", "same", "code"],
      span: 5,
    });
  });

  it("when a concept phrase occurs only reordered, then the concept is matched with sensible evidence", () => {
    const rubric: ResolvedRubric = {
      concepts: [
        {
          id: "reuse",
          label: "reuse",
          weight: 1,
          required: true,
          phrases: ["reuse the same code"],
          hint: "h",
          explanation: "e",
        },
      ],
      misconceptions: [],
    };
    const r = gradeFreeText(rubric, lexicon, "They get the same code to reuse for both.");
    expect(r.matched).toEqual([{ concept: "reuse", evidence: "same code to reuse" }]);
  });

  it("when two phrases of a concept start at the same word, then the tighter match is the evidence", () => {
    const rubric: ResolvedRubric = {
      concepts: [
        {
          id: "per-event",
          label: "p",
          weight: 1,
          required: true,
          phrases: ["no batching events", "no batching"],
          hint: "h",
          explanation: "e",
        },
      ],
      misconceptions: [],
    };
    const r = gradeFreeText(rubric, lexicon, "no batching (really) of events");
    expect(r.matched[0]!.evidence).toBe("no batching");
  });

  it("when a two-word misconception appears reversed, then it does not count (a claim keeps its order)", () => {
    const rubric: ResolvedRubric = {
      concepts: [
        { id: "c", label: "c", weight: 1, required: false, phrases: ["landing zone"], hint: "h", explanation: "e" },
      ],
      misconceptions: [{ id: "reversed", phrases: ["batch ingestion"], penalty: 0.5, explanation: "x" }],
    };
    expect(gradeFreeText(rubric, lexicon, "streaming for ingestion and batch for transformation").flags).not.toContain(
      "misconception:reversed",
    );
    expect(gradeFreeText(rubric, lexicon, "batch ingestion then streaming").flags).toContain("misconception:reversed");
    expect(compile(rubric, lexicon).misconceptions[0]!.patterns.map((p) => p.stems.join(" "))).toEqual([
      ["batch", "ingest"].join(" "),
    ]);
  });
});

describe("tokenize: '+' and '&'", () => {
  it("when the answer writes '+' or '&' between words, then they read as 'and'", () => {
    expect(lexer.lex("batch + streaming & more", false).map((t) => t.word)).toEqual([
      "batch",
      "and",
      "streaming",
      "and",
      "more",
    ]);
  });

  it("when '+' is doubled ('C++'), then it is not a word", () => {
    expect(lexer.lex("C++ code", false).map((t) => t.word)).toEqual(["c", "code"]);
  });
});

describe("negation scopes: clauses, conditions and purposes", () => {
  it("when 'and' opens a new clause with its own subject and verb, then a negation before it stops there", () => {
    const { negatedWords } = analyze("it doesn't need milliseconds and the team is already on Spark");
    expect(negatedWords).toEqual(["need", "ms"]);
  });

  it("when 'and' only joins two nouns, then the negation covers both", () => {
    expect(analyze("no state and the savepoints").negatedWords).toEqual(["state", "and", "the", "savepoints"]);
  });

  it("when a condition ('when', 'where', 'if') follows what is negated, then the negation does not reach into it", () => {
    expect(analyze("avoid streaming where batch would do").negatedWords).toEqual(["streaming"]);
    expect(analyze("don't stream if hours of latency are fine").negatedWords).toEqual(["stream"]);
  });

  it("when a purpose 'to …' follows what is negated, then the negation stops; 'need to' and 'able to' continue", () => {
    expect(analyze("no streaming here to keep it cheap").negatedWords).toEqual(["streaming", "here"]);
    expect(analyze("no need to use Flink").negatedOptions).toEqual(["flink"]);
    expect(analyze("Spark batch is not able to meet it").negatedWords).toContain("meet");
  });

  it("when 'too limited' or 'too lightweight' describes an option, then it is rejected", () => {
    expect(analyze("Kafka Streams is too lightweight for this").negatedOptions).toEqual(["kafka-streams"]);
    expect(analyze("Kafka Streams would be too limited").negatedOptions).toEqual(["kafka-streams"]);
  });
});

describe("commitment: deferred options and 'I'd say'", () => {
  const learnFirst: ResolvedRubric = {
    choice: { expected: ["batch"], alternatives: ["streaming"] },
    concepts: [
      { id: "c", label: "c", weight: 1, required: false, phrases: ["fundamentals"], hint: "h", explanation: "e" },
    ],
    misconceptions: [],
  };

  it("when an option is put off ('learn streaming later'), then it is not a commitment", () => {
    expect(analyze("Start with batch and learn streaming later.", learnFirst).commitment).toMatchObject({
      committed: ["batch"],
      outcome: "right",
    });
    expect(
      analyze("Get comfortable with batch, and when you later learn streaming it will make sense.", learnFirst)
        .commitment.outcome,
    ).toBe("right");
  });

  it("when the answer says 'I'd say X', then X is chosen", () => {
    expect(analyze("I'd say Flink, though Spark Streaming is popular", fraud).commitment.committed).toEqual(["flink"]);
  });

  it("when the only option named is deferred, then nothing is committed", () => {
    expect(analyze("Flink later, maybe.", fraud).commitment.outcome).toBe("none");
  });

  it("when the daily-refresh answer rejects Flink and then reasons, deferral words elsewhere change nothing", () => {
    const r = gradeFreeText(
      dailyRefresh,
      lexicon,
      "Not Flink. Spark batch: the data is bounded, and the next run can wait.",
    );
    expect(r.choice?.committed).toEqual(["spark-batch"]);
  });

  it("when options are listed bare, then the last one is not the answer either", () => {
    expect(analyze("spark, flink, kafka streams, structured streaming, 30s", fraud).commitment.outcome).toBe("several");
  });

  it("when an option stands alone after a sentence about another, then it is still the answer", () => {
    expect(analyze("Spark Streaming is too slow here. Flink.", fraud).commitment).toMatchObject({
      committed: ["flink"],
      outcome: "right",
    });
  });
});
