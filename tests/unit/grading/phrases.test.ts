import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import {
  expandSynonyms,
  findMatches,
  indexStems,
  isTight,
  PatternTable,
  rarestStem,
  StemFiling,
  toPattern,
  toStems,
} from "../../../server/src/grading/phrases.ts";

const lexer = new Lexer({ phrases: ["hours of latency", "event time", "event at a time", "low cost"], known: [] });

function matches(phrase: string, answer: string): string[] {
  const pattern = toPattern(lexer, phrase);
  const tokens = lexer.lex(answer, false);
  return findMatches(pattern, tokens, indexStems(tokens)).map((m) =>
    answer.slice(tokens[m.from]!.start, tokens[m.to]!.end),
  );
}

describe("toStems", () => {
  it("when a phrase has articles and copulas, then they are dropped but negators stay", () => {
    expect(toStems(lexer, "the data is not bounded")).toEqual(["data", "not", "bound"]);
  });

  it("when a phrase is only stopwords, then they are kept", () => {
    expect(toStems(lexer, "it is")).toEqual(["it", "is"]);
  });
});

describe("findMatches", () => {
  it("when the phrase appears inflected, then it matches and the span is the original text", () => {
    expect(matches("hours of latency", "Several HOURS of latency are fine")).toEqual(["HOURS of latency"]);
  });

  it("when a three-word phrase has up to two extra words between its words, then it still matches", () => {
    expect(matches("batch job loads warehouse", "the batch job then loads the warehouse")).toEqual([
      "batch job then loads the warehouse",
    ]);
  });

  it("when a phrase has three extra words between two of its words, then it does not match", () => {
    expect(matches("hours latency", "hours of very high latency")).toEqual([]);
  });

  it("when the phrase's words are split across sentences or a 'because', then it does not match", () => {
    expect(matches("hours latency", "It takes hours. Latency is fine")).toEqual([]);
    expect(matches("hours latency", "hours because latency")).toEqual([]);
  });

  it("when the words come in another order, then it does not match", () => {
    expect(matches("hours of latency", "latency of hours")).toEqual([]);
  });

  it("when the phrase occurs twice, then both occurrences are found in order", () => {
    expect(matches("event time", "event time and event time")).toHaveLength(2);
  });
});

describe("StemIndex", () => {
  it("when an answer repeats phrase stems, then each stem's positions come in order and unknown words are left out", () => {
    const [hours, latency] = toPattern(lexer, "hours latency").ids;
    const tokens = lexer.lex("latency, hours, zebra, latency again, hours", false);
    const index = indexStems(tokens);
    const positions = (id: number) => {
      const out: number[] = [];
      for (let p = index.first(id); p >= 0; p = index.next(p)) out.push(p);
      return out;
    };
    expect(positions(latency!)).toEqual([0, 3]);
    expect(positions(hours!)).toEqual([1, 5]);
    expect(index.present).toEqual([latency, hours]);
    expect(index.has(1 << 20)).toBe(false);
  });

  it("when a newer answer has been indexed, then reading the older index throws instead of answering wrongly", () => {
    const older = indexStems(lexer.lex("hours of latency", false));
    indexStems(lexer.lex("event time", false));
    expect(() => older.has(0)).toThrow(/read after the next answer/);
  });

  it("when a phrase is numbered after an answer was read, then words read afterwards carry the new number", () => {
    const fresh = new Lexer({ phrases: ["late arrivals"], known: [] });
    expect(fresh.lex("late arrivals", false)[0]!.sid).toBe(-1);
    const [late] = toPattern(fresh, "late arrivals").ids;
    expect(fresh.lex("late arrivals", false)[0]!.sid).toBe(late);
  });
});

describe("rarestStem and PatternTable", () => {
  it("when a pattern's stems open other patterns too, then it is filed under the one fewest patterns hold", () => {
    const patterns = ["hours of latency", "latency budget", "latency is fine"].map((p) => toPattern(lexer, p));
    const fileUnder = rarestStem(patterns);
    expect(fileUnder(patterns[0]!)).toBe(patterns[0]!.ids[0]);
    expect(fileUnder(patterns[1]!)).toBe(patterns[1]!.ids[1]);
    expect(fileUnder(patterns[2]!)).toBe(patterns[2]!.ids[1]);
  });

  it("when stems tie, then the earlier one is chosen", () => {
    const pattern = toPattern(lexer, "event time");
    expect(rarestStem([pattern])(pattern)).toBe(pattern.ids[0]);
  });

  it("when an answer lacks any stem of a pattern, then the table says it is not held", () => {
    const table = new PatternTable(["hours of latency", "event time"].map((p) => toPattern(lexer, p)));
    const index = indexStems(lexer.lex("latency of hours, at event level", false));
    expect(table.heldBy(0, index)).toBe(true);
    expect(table.heldBy(1, index)).toBe(false);
  });

  it("when an answer holds some patterns, then held lists exactly their positions, ascending", () => {
    const phrases = ["event time", "hours of latency", "latency budget", "exactly once", "hours", "time budget"];
    const table = new PatternTable(phrases.map((p) => toPattern(lexer, p)));
    const index = indexStems(lexer.lex("a budget of hours for latency; event time, exactly once", false));
    const expected = phrases.map((_, r) => r).filter((r) => table.heldBy(r, index));
    expect(expected).toEqual([0, 1, 2, 3, 4, 5]);
    expect(table.held(index)).toEqual(expected);
    expect(table.held(indexStems(lexer.lex("latency budget only", false)))).toEqual([2]);
    expect(table.held(indexStems(lexer.lex("nothing here", false)))).toEqual([]);
  });
});

describe("StemFiling", () => {
  it("when items are filed by stem, then each stem lists its items in ascending order and others list none", () => {
    const stems = [3, 0, 3, 1, 3];
    const filing = new StemFiling(stems.length, (item) => stems[item]!);
    const of = (stem: number) => Array.from(filing.items.subarray(filing.start(stem), filing.end(stem)));
    expect(of(3)).toEqual([0, 2, 4]);
    expect(of(0)).toEqual([1]);
    expect(of(1)).toEqual([3]);
    expect(of(2)).toEqual([]);
    expect(of(99)).toEqual([]);
  });

  it("when nothing is filed, then every stem lists nothing", () => {
    const filing = new StemFiling(0, () => 0);
    expect(filing.end(0) - filing.start(0)).toBe(0);
  });
});

describe("expandSynonyms", () => {
  const groups = [
    [["cheap"], ["low", "cost"]],
    [
      ["event", "at", "time"],
      ["on", "event", "at", "time"],
    ],
  ];

  it("when a phrase contains a synonym-group member, then every other member is substituted", () => {
    expect(expandSynonyms(["cheap", "batch"], groups)).toEqual([
      ["cheap", "batch"],
      ["low", "cost", "batch"],
    ]);
  });

  it("when one member contains another, then substitution does not repeat without end", () => {
    const variants = expandSynonyms(["event", "at", "time"], groups);
    expect(variants.map((v) => v.join(" "))).toEqual(["event at time", "on event at time"]);
  });

  it("when a phrase has no synonyms, then it is its only variant", () => {
    expect(expandSynonyms(["bound"], groups)).toEqual([["bound"]]);
  });
});

describe("isTight", () => {
  const tight = (phrase: string, answer: string) => {
    const pattern = toPattern(lexer, phrase);
    const tokens = lexer.lex(answer, false);
    const [m] = findMatches(pattern, tokens, indexStems(tokens));
    return m && isTight(m, tokens);
  };

  it("when only stopwords were skipped, then the match is tight", () => {
    expect(tight("hours latency", "hours of latency")).toBe(true);
  });

  it("when a content word was skipped, then the match is loose", () => {
    expect(tight("event time", "event at a time")).toBe(false);
  });
});
