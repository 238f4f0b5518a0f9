import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import {
  americanSpelling,
  canonicalWord,
  expandWord,
  foldWord,
  unitAfterNumber,
} from "../../../server/src/grading/normalize.ts";

const lexer = new Lexer({ phrases: ["real-time", "exactly once", "micro-batch", "sub-second latency"], known: [] });
const words = (text: string) => lexer.lex(text, false).map((t) => t.word);

describe("foldWord", () => {
  it("when a word has capitals, accents, full-width letters or a curly apostrophe, then it folds to plain lower case", () => {
    expect(foldWord("FLÍNK")).toBe("flink");
    expect(foldWord("Ｓｐａｒｋ")).toBe("spark");
    expect(foldWord("Flink’s")).toBe("flink's");
  });
});

describe("expandWord", () => {
  it("when a negative contraction is written, then it expands to the auxiliary and 'not'", () => {
    expect(expandWord("wouldn't")).toEqual(["would", "not"]);
    expect(expandWord("can't")).toEqual(["can", "not"]);
    expect(expandWord("won't")).toEqual(["will", "not"]);
    expect(expandWord("cannot")).toEqual(["can", "not"]);
  });

  it("when the apostrophe is left out of a contraction, then it still expands", () => {
    expect(expandWord("doesnt")).toEqual(["does", "not"]);
    expect(expandWord("wouldnt")).toEqual(["would", "not"]);
  });

  it("when 's follows a name it is a possessive, and after a pronoun it is 'is'", () => {
    expect(expandWord("flink's")).toEqual(["flink"]);
    expect(expandWord("it's")).toEqual(["it", "is"]);
    expect(expandWord("i'd")).toEqual(["i", "would"]);
  });

  it("when a number carries its unit, then they are split", () => {
    expect(expandWord("100ms")).toEqual(["100", "ms"]);
    expect(expandWord("500gb")).toEqual(["500", "gb"]);
    expect(expandWord("p99")).toEqual(["p99"]);
  });

  it("when an answer word is an Object prototype key, then it is just a word", () => {
    expect(expandWord("constructor")).toEqual(["constructor"]);
    expect(canonicalWord("constructor")).toBe("constructor");
    expect(unitAfterNumber("constructor")).toBeUndefined();
  });
});

describe("canonicalWord and unitAfterNumber", () => {
  it("when milliseconds are spelled out, then they become 'ms' anywhere", () => {
    expect(canonicalWord("milliseconds")).toBe("ms");
    expect(canonicalWord("millis")).toBe("ms");
  });

  it("when a number is spelled out, then it becomes digits", () => {
    expect(canonicalWord("thirty")).toBe("30");
  });

  it("when a unit is written in any of its spellings, then it has one canonical form", () => {
    expect(["s", "sec", "secs", "seconds"].map(unitAfterNumber)).toEqual(["second", "second", "second", "second"]);
    expect(unitAfterNumber("flink")).toBeUndefined();
  });
});

describe("americanSpelling", () => {
  it("when a word uses a British -ise spelling, then it becomes -ize", () => {
    expect(americanSpelling("specialisation")).toBe("specialization");
    expect(americanSpelling("optimised")).toBe("optimized");
    expect(americanSpelling("organisations")).toBe("organizations");
  });

  it("when a short word merely ends in -ise, then it is left alone", () => {
    expect(["rise", "wise", "noise", "raise"].map(americanSpelling)).toEqual(["rise", "wise", "noise", "raise"]);
  });
});

describe("Lexer clauses and segments", () => {
  it("when text has sentences, commas and clause words, then clause and segment ids follow them", () => {
    const tokens = lexer.lex("Flink, not Spark. It is fast because of state", false);
    const ids = tokens.map((t) => `${t.word}:${t.clause}.${t.seg}`);
    expect(ids).toEqual([
      "flink:0.0",
      "not:0.1",
      "spark:0.1",
      "it:1.2",
      "is:1.2",
      "fast:1.2",
      "because:2.3",
      "of:2.3",
      "state:2.3",
    ]);
  });

  it("when words are hyphenated, then they scan as separate words with their own spans", () => {
    const text = "sub-second";
    expect(lexer.lex(text, false).map((t) => text.slice(t.start, t.end))).toEqual(["sub", "second"]);
  });

  it("when a contraction expands, then both words point at the original word", () => {
    const text = "Flink wouldn't";
    expect(lexer.lex(text, false).map((t) => `${t.word}=${text.slice(t.start, t.end)}`)).toEqual([
      "flink=Flink",
      "would=wouldn't",
      "not=wouldn't",
    ]);
  });

  it("when a decimal number or a dash between spaces appears, then the number stays whole and the dash breaks the segment", () => {
    const tokens = lexer.lex("1.5s - fine", false);
    expect(tokens.map((t) => `${t.word}:${t.seg}`)).toEqual(["1.5:0", "second:0", "fine:1"]);
  });
});

describe("Lexer compounds", () => {
  it("when 'real-time', 'realtime' and 'real time' are written, then they give the same words", () => {
    expect(words("real-time")).toEqual(["real", "time"]);
    expect(words("realtime")).toEqual(["real", "time"]);
    expect(words("real time")).toEqual(["real", "time"]);
  });

  it("when a compound is joined and inflected, then it still splits", () => {
    expect(words("microbatches")).toEqual(["micro", "batches"]);
    expect(words("exactlyonce")).toEqual(["exactly", "once"]);
    expect(words("subsecond")).toEqual(["sub", "second"]);
  });

  it("when a unit letter follows a number, then it is the unit, and elsewhere it is a letter", () => {
    expect(words("30 s")).toEqual(["30", "second"]);
    expect(words("30 seconds")).toEqual(["30", "second"]);
    expect(words("thirty secs")).toEqual(["30", "second"]);
    expect(words("plan s")).toEqual(["plan", "s"]);
  });

  it("when '100ms' and '100 ms' are written, then they give the same words", () => {
    expect(words("100ms")).toEqual(words("100 ms"));
    expect(words("100 milliseconds")).toEqual(["100", "ms"]);
  });

  it("when a word is split from a compound, then its token still points at the original text", () => {
    const text = "Realtime!";
    const tokens = lexer.lex(text, false);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Realtime", "Realtime"]);
    expect(tokens.map((t) => t.bound)).toEqual([false, true]);
  });
});
