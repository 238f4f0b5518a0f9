import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import { hasContentWords, Vocabulary, wordsOf, type Spelling } from "../../../server/src/grading/vocabulary.ts";
import { randomPieces, randomText } from "./random-pieces.ts";

/** The definitions the character-level reader must agree with, written the obvious (string-building) way. */
const stem = (w: string) =>
  w.endsWith("ing") ? w.slice(0, -3) : w.endsWith("ed") || w.endsWith("es") ? w.slice(0, -2) : w.replace(/s$/, "");
const referenceWords = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
const referenceContent = (text: string, n: number) => new Set(text.toLowerCase().match(/[a-z]{4,}/g)).size >= n;

/** Each distinct term once, with its count, in ascending order of term number. */
function referenceTerms(texts: string[], text: string): [number, number][] {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const split = texts.map(referenceWords);
  for (const ws of split) for (const w of ws) if (!words.has(w)) words.set(w, words.size);
  for (const ws of split)
    for (let i = 1; i < ws.length; i++) {
      const key = `${ws[i - 1]} ${ws[i]}`;
      if (!pairs.has(key)) pairs.set(key, words.size + pairs.size);
    }
  const ws = referenceWords(text);
  const out = ws.flatMap((w) => (words.has(w) ? [words.get(w)!] : []));
  for (let i = 1; i < ws.length; i++) {
    const pair = pairs.get(`${ws[i - 1]} ${ws[i]}`);
    if (pair !== undefined && words.has(ws[i - 1]!) && words.has(ws[i]!)) out.push(pair);
  }
  const counts = new Map<number, number>();
  for (const t of out) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([x], [y]) => x - y);
}

const counted = (vocabulary: Vocabulary, text: string) => {
  const { terms, counts, length } = vocabulary.countTerms(text.toLowerCase());
  return Array.from({ length }, (_, k): [number, number] => [terms[k]!, counts[k]!]);
};

/** Random text over a small alphabet, so words and suffixes repeat and collide. */
const ALPHABET = "abeisgdnr0 1 ,.-'ÉİKé\nING ED S";

describe("vocabulary reader", () => {
  it("when text has words, then they are its lower-case letter and digit runs cut to a rough stem", () => {
    expect(wordsOf("Processing STREAMS, 2 jobs: micro-batches ran; s ing ed")).toEqual([
      "process",
      "stream",
      "2",
      "job",
      "micro",
      "batch",
      "ran",
      "",
      "",
      "",
    ]);
  });

  it("when text is arbitrary, then words, content-word counts and terms match the string-built definitions", () => {
    const corpus = Array.from({ length: 40 }, (_, i) => randomText(i + 1, 120, ALPHABET));
    const vocabulary = new Vocabulary(corpus);
    for (let seed = 100; seed < 400; seed++) {
      const text = randomText(seed, 1 + (seed % 150), ALPHABET);
      expect(wordsOf(text)).toEqual(referenceWords(text));
      for (const n of [1, 2, 4]) expect(hasContentWords(text.toLowerCase(), n)).toBe(referenceContent(text, n));
      expect(counted(vocabulary, text)).toEqual(referenceTerms(corpus, text));
    }
  });

  it("when an answer has more words than the reader's buffers, then every term is still read", () => {
    const vocabulary = new Vocabulary(["stream batch"]);
    const long = "stream batch ".repeat(600);
    // 1,200 words and 600 "stream batch" pairs ("batch stream" is not a pair the vocabulary holds).
    expect(counted(vocabulary, long)).toEqual([
      [0, 600],
      [1, 600],
      [2, 600],
    ]);
  });

  it("when vocabularies of different sizes read in turn, then each counts only its own terms", () => {
    const small = ["flink keeps state", "spark runs batches"];
    const large = Array.from({ length: 60 }, (_, i) => randomText(1000 + i, 200, ALPHABET));
    const first = new Vocabulary(small);
    const text = `${small.join(" ")} ${large[0]}`;
    const before = counted(first, text.toLowerCase());
    const second = new Vocabulary(large);
    expect(counted(second, text.toLowerCase())).toEqual(referenceTerms(large, text));
    expect(counted(first, text.toLowerCase())).toEqual(before);
    expect(before).toEqual(referenceTerms(small, text));
  });

  it("when terms are read again, then the earlier result is overwritten (a caller that keeps it copies it)", () => {
    const vocabulary = new Vocabulary(["flink keeps state", "spark runs batches"]);
    const first = vocabulary.countTerms("flink keeps state");
    const kept = first.terms.slice(0, first.length);
    vocabulary.countTerms("spark runs batches");
    expect(first.terms.slice(0, first.length)).not.toEqual(kept);
  });

  it("when four different long words are present, then the answer has content; repeats count once", () => {
    expect(hasContentWords("flink flink flink flink", 2)).toBe(false);
    expect(hasContentWords("flink keeps state, checkpoints", 4)).toBe(true);
    expect(hasContentWords("i don't know", 4)).toBe(false);
  });

  describe("when the words come as the lexer's spellings", () => {
    /** Pieces the lexer treats specially: joins, symbols read as "and", units, contractions, non-ASCII letters. */
    const PIECES = [
      ..."abeisgdnr0 1 ,.-'/+&ÉİKé\n".split(""),
      "ING",
      "ED",
      "S",
      "don't",
      "1.5s",
      "micro-batch",
      "Flink/Spark",
      "real time",
      "C++",
      " & ",
      " + ",
      "wouldn’t",
      "naïve",
      "́",
    ];
    const corpus = Array.from({ length: 40 }, (_, i) => randomPieces(i + 1, 60, PIECES).join(""));
    const spellingsOf = (lexer: Lexer, text: string) => {
      const spellings: Spelling[] = [];
      lexer.lex(text, true, spellings);
      return spellings;
    };
    const countedFrom = (vocabulary: Vocabulary, spellings: Spelling[]) => {
      const { terms, counts, length } = vocabulary.countSpellings(spellings);
      return Array.from({ length }, (_, k): [number, number] => [terms[k]!, counts[k]!]);
    };

    it("then they count exactly the terms the text itself has, on first reading and when remembered", () => {
      const vocabulary = new Vocabulary(corpus);
      const lexer = new Lexer({ phrases: ["micro-batch", "real-time", "dont know"], known: [] });
      for (let seed = 500; seed < 800; seed++) {
        const text = randomPieces(seed, 1 + (seed % 90), PIECES).join("");
        const expected = counted(vocabulary, text);
        expect(countedFrom(vocabulary, spellingsOf(lexer, text))).toEqual(expected);
        expect(countedFrom(vocabulary, spellingsOf(lexer, text))).toEqual(expected);
      }
    });

    it("then an answer longer than the reader's buffers is read whole, words of several runs included", () => {
      const vocabulary = new Vocabulary(["stream batch wouldn t"]);
      const lexer = new Lexer({ phrases: [], known: [] });
      const long = "stream batch wouldn't ".repeat(400);
      expect(countedFrom(vocabulary, spellingsOf(lexer, long))).toEqual(counted(vocabulary, long));
      expect(counted(vocabulary, long)[0]).toEqual([0, 400]);
    });

    it("then spellings numbered by another vocabulary are numbered again, not misread", () => {
      const small = new Vocabulary(["flink keeps state", "spark runs batches"]);
      const large = new Vocabulary(corpus);
      const lexer = new Lexer({ phrases: [], known: [] });
      const text = `Flink keeps state & spark runs batches. ${corpus[3]}`;
      for (const vocabulary of [small, large, small, large])
        expect(countedFrom(vocabulary, spellingsOf(lexer, text))).toEqual(counted(vocabulary, text));
    });

    it("then a lone '+' or '&' read as \"and\" is no spelling, while a written \"and\" is", () => {
      const lexer = new Lexer({ phrases: [], known: [] });
      expect(spellingsOf(lexer, "batch + streaming & Kafka and Flink").map((s) => s.raw)).toEqual([
        "batch",
        "streaming",
        "Kafka",
        "and",
        "Flink",
      ]);
    });
  });
});
