import { describe, expect, it } from "vitest";
import { editDistance, FuzzyIndex, maxEdits } from "../../../server/src/grading/fuzzy.ts";

const vocabulary = ["flink", "batch", "structured", "latency", "kafka", "kappa", "spark", "late", "simple", "stream"];
const known = new Set([...vocabulary, "lake", "match", "sample", "stage"]);
const index = new FuzzyIndex(vocabulary, (w) => known.has(w));

describe("maxEdits", () => {
  it("when a word is up to 3 letters, then no typo is tolerated", () => {
    expect([1, 2, 3].map(maxEdits)).toEqual([0, 0, 0]);
  });

  it("when a word is 4 to 7 letters, then one edit is tolerated, and from 8 letters two", () => {
    expect([4, 7, 8, 12].map(maxEdits)).toEqual([1, 1, 2, 2]);
  });
});

describe("editDistance", () => {
  it("when two adjacent letters are swapped, then that is one edit", () => {
    expect(editDistance("flnik", "flink")).toBe(1);
    expect(editDistance("kafak", "kafka")).toBe(1);
  });

  it("when letters are inserted, dropped or replaced, then it is Levenshtein distance", () => {
    expect(editDistance("bach", "batch")).toBe(1);
    expect(editDistance("latancy", "latency")).toBe(1);
    expect(editDistance("kafka", "kappa")).toBe(2);
  });
});

describe("FuzzyIndex", () => {
  it("when a candidate mistypes a vocabulary word, then it is corrected", () => {
    expect(index.correct("flnik")).toBe("flink");
    expect(index.correct("bach")).toBe("batch");
    expect(index.correct("strucutred")).toBe("structured");
    expect(index.correct("latancy")).toBe("latency");
  });

  it("when a word has 3 letters or fewer, then it is never corrected", () => {
    expect(index.correct("bat")).toBeUndefined();
  });

  it("when a word is itself a known word, then it is never bent into another, even one edit away", () => {
    expect(index.correct("kappa")).toBeUndefined();
    expect(index.correct("lake")).toBeUndefined();
    expect(index.correct("match")).toBeUndefined();
    expect(index.correct("sample")).toBeUndefined();
  });

  it("when a short unknown word differs by one substituted letter, then it is taken as a different word", () => {
    expect(index.correct("spork")).toBeUndefined();
    expect(index.correct("lite")).toBeUndefined();
  });

  it("when the first letter differs, then nothing is corrected", () => {
    expect(index.correct("glink")).toBeUndefined();
  });

  it("when a word is as close to two different vocabulary words, then nothing is corrected", () => {
    const ambiguous = new FuzzyIndex(["format", "formal"], () => false);
    expect(ambiguous.correct("formatl")).toBeUndefined();
  });

  it("when two equally close targets are forms of one word, then the word is still corrected", () => {
    const forms = new FuzzyIndex(["window", "windows"], () => false);
    expect(forms.correct("windwos")).toBe("windows");
  });

  it("when a word is too far from every vocabulary word, then nothing is corrected", () => {
    expect(index.correct("flinkkk")).toBeUndefined();
    expect(index.correct("strctrd")).toBeUndefined();
  });
});
