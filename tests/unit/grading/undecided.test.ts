import { describe, expect, it } from "vitest";
import { endsUndecided, isUndecided, lastSentence, UNDECIDED_ENDING } from "../../../server/src/grading/undecided.ts";
import { randomPieces, randomText } from "./random-pieces.ts";

/** The definition the backwards reader must agree with. */
const referenceLast = (text: string) =>
  text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => /\w/.test(s))
    .at(-1) ?? "";

const ALPHABET = "ab_1 .!?,;\n\t\u00a0\u2003-é";

describe("last sentence", () => {
  it("when text has sentences, then the last one with a word character is returned, its mark kept", () => {
    expect(lastSentence("Use Flink. Each has trade-offs.  ")).toBe("Each has trade-offs.");
    expect(lastSentence("Use Flink! ... ?")).toBe("Use Flink!");
    expect(lastSentence("v1.2 is out")).toBe("v1.2 is out");
    expect(lastSentence("   ")).toBe("");
    expect(lastSentence("é. ")).toBe("");
  });

  it("when text is arbitrary, then it agrees with splitting at white space after sentence marks", () => {
    for (let seed = 1; seed < 3000; seed++) {
      const text = randomText(seed, seed % 60, ALPHABET);
      expect(lastSentence(text), JSON.stringify(text)).toBe(referenceLast(text));
    }
  });
});

/** Words and marks that make and break "it depends" endings and closing sentences. */
function randomAnswer(seed: number): string {
  const pieces = [
    "it",
    "It",
    "depends",
    "really",
    "on",
    "the",
    "your",
    "use case",
    "requirements",
    "Flink",
    "Spark",
    "each",
    "has",
    "trade-offs",
    "could",
    "work",
    "or",
    ",",
    ".",
    "!",
    "?",
    "…",
    ":)",
    " ",
    "\n",
    "options are:",
  ];
  return randomPieces(seed, 2 + (seed % 14), pieces).join(seed % 3 === 0 ? "" : " ");
}

describe("undecided", () => {
  it("when the ending is tested on the last sentence only, then it agrees with testing the whole answer", () => {
    let endings = 0;
    for (let seed = 1; seed < 60000; seed++) {
      const answer = randomAnswer(seed);
      const whole = UNDECIDED_ENDING.test(answer);
      if (whole) endings++;
      expect(endsUndecided(answer), JSON.stringify(answer)).toBe(whole);
      if (whole) expect(isUndecided(answer)).toBe(true);
    }
    expect(endings).toBeGreaterThan(100);
  });

  it("when a menu of options closes by handing the choice back, then the answer is undecided", () => {
    expect(isUndecided("You could use Spark, or Flink, or Kafka Streams. Each has its own trade-offs.")).toBe(true);
    expect(isUndecided("Each has its own trade-offs. You could use Spark, or Flink, or Kafka Streams.")).toBe(false);
    expect(isUndecided("Flink, for event-time windows. It depends")).toBe(true);
  });
});
