import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import { RecentMemo } from "../../../server/src/grading/recent-memo.ts";
import { randomPieces } from "./random-pieces.ts";

describe("recent memo", () => {
  it("when many keys are set and some found again, then it never holds more than its limit, odd or even", () => {
    for (const limit of [2, 3, 10, 11]) {
      const memo = new RecentMemo<number>(limit);
      for (let i = 0; i < 1_000; i++) {
        memo.set(`k${i}`, i);
        if (i % 3 === 0) memo.get(`k${i - 2}`);
        expect(memo.size).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("when the limit leaves no room for two generations, then it is refused", () => {
    expect(() => new RecentMemo(1)).toThrow(RangeError);
    expect(() => new RecentMemo(Number.NaN)).toThrow(RangeError);
  });

  it("when a key keeps being used while one-off keys pass through, then it survives every turnover", () => {
    const memo = new RecentMemo<string>(8);
    memo.set("stream", "hot");
    for (let i = 0; i < 500; i++) {
      memo.set(`typo${i}`, "cold");
      expect(memo.get("stream")).toBe("hot");
    }
    expect(memo.get("typo0")).toBeUndefined();
    expect(memo.get("typo499")).toBe("cold");
  });

  it("when cleared, then nothing is found", () => {
    const memo = new RecentMemo<number>(4);
    for (let i = 0; i < 5; i++) memo.set(`k${i}`, i);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.get("k4")).toBeUndefined();
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
