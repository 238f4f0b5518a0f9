import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import { RecentMemo } from "../../../server/src/grading/recent-memo.ts";
import { randomPieces } from "./random-pieces.ts";

interface Entry {
  raw: string;
  made: number;
}

/** A memo whose entries say which making of their word they are, so a test sees what was kept and what re-made. */
function counted(limit: number): { memo: RecentMemo<Entry>; made: Map<string, number> } {
  const made = new Map<string, number>();
  const memo = new RecentMemo<Entry>(limit, (raw) => {
    made.set(raw, (made.get(raw) ?? 0) + 1);
    return { raw, made: made.get(raw)! };
  });
  return { memo, made };
}

const word = (memo: RecentMemo<Entry>, w: string) => memo.get(w, 0, w.length);

describe("recent memo", () => {
  it("when many words are read and some read again, then it never holds more than its limit, odd or even", () => {
    for (const limit of [2, 3, 10, 11]) {
      const { memo } = counted(limit);
      for (let i = 0; i < 1_000; i++) {
        word(memo, `k${i}`);
        if (i % 3 === 0) word(memo, `k${i - 2}`);
        expect(memo.size).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("when the limit leaves no room for two generations, then it is refused", () => {
    const make = (raw: string) => ({ raw });
    expect(() => new RecentMemo(1, make)).toThrow(RangeError);
    expect(() => new RecentMemo(Number.NaN, make)).toThrow(RangeError);
  });

  it("when a word keeps being used while one-off words pass through, then it survives every turnover", () => {
    const { memo, made } = counted(8);
    word(memo, "stream");
    for (let i = 0; i < 500; i++) {
      word(memo, `typo${i}`);
      expect(word(memo, "stream").made).toBe(1);
    }
    expect(made.get("stream")).toBe(1);
    expect(word(memo, "typo499").made).toBe(1);
    expect(word(memo, "typo0").made).toBe(2);
  });

  it("when cleared, then every word is made again", () => {
    const { memo } = counted(4);
    for (let i = 0; i < 5; i++) word(memo, `k${i}`);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(word(memo, "k4").made).toBe(2);
  });

  it("when a word is read where it stands in a longer text, then it is the entry of that word and no other", () => {
    const { memo, made } = counted(100_000);
    const stream = word(memo, "stream");
    expect(memo.get("a stream, streams", 2, 8)).toBe(stream);
    expect(memo.get("a stream, streams", 10, 17).raw).toBe("streams");
    expect(memo.get("a stream, streams", 10, 16)).toBe(stream);
    expect(memo.get("Stream", 0, 6)).not.toBe(stream);
    expect(made.get("stream")).toBe(1);
  });

  it("when thousands of words fill and grow its tables, then each is found as itself, made once", () => {
    const { memo, made } = counted(100_000);
    const words = Array.from({ length: 5_000 }, (_, i) => `w${(i * 7919) % 100_003}`);
    const text = words.join(" ");
    for (let round = 0; round < 2; round++)
      for (let i = 0, at = 0; i < words.length; at += words[i]!.length + 1, i++)
        expect(memo.get(text, at, at + words[i]!.length).raw).toBe(words[i]);
    expect([...made.values()].every((n) => n === 1)).toBe(true);
    expect(memo.size).toBe(words.length);
  });

  it("when a lexer's memo turns over constantly, then it reads every text exactly as one that never forgets", () => {
    const sources = { phrases: ["micro-batch", "exactly once", "event time", "keyed state"], known: ["Flink"] };
    const tiny = new Lexer(sources, 6);
    const roomy = new Lexer(sources);
    const pieces = [
      "Flink ",
      "microbatchs ",
      "exactly-once ",
      "evnet time ",
      "keyed ",
      "state. ",
      "don't ",
      "1.5s ",
      "& ",
    ];
    for (let seed = 1; seed < 200; seed++) {
      const text = randomPieces(seed, 1 + (seed % 25), pieces).join("");
      for (const correct of [true, false]) expect(tiny.lex(text, correct)).toEqual(roomy.lex(text, correct));
    }
  });
});
