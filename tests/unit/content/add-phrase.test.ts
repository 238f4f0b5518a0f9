import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addPhrase } from "../../../server/src/content/add-phrase.ts";
import { unifiedDiff } from "../../../server/src/content/unified-diff.ts";

const FILE = `- slug: q
  rubric:
    concepts:
      - concept: block
        phrases:
          - one
          - two
        weight: 1
      - concept: empty
        phrases: []
    misconceptions:
      - id: wrong
        phrases: [a, b] # keep this comment
        penalty: 0.5
`;

const phrasesOf = (text: string, i: number) =>
  (parse(text) as { rubric: { concepts: { phrases: string[] }[] } }[])[0]!.rubric.concepts[i]!.phrases;

describe("addPhrase", () => {
  it("when the list is in block style, then a `- phrase` line joins it at the same indent", () => {
    const out = addPhrase(FILE, { slug: "q", kind: "concept", id: "block", phrase: "three" });
    if (!("text" in out)) throw new Error(out.problem);
    expect(out.text).toContain("          - two\n          - three\n        weight: 1");
    expect(phrasesOf(out.text, 0)).toEqual(["one", "two", "three"]);
  });

  it("when the entry or the list ends the file without a newline, then the phrase still goes after it, not at the top", () => {
    const noPhrases = "- slug: q\n  rubric:\n    concepts:\n      - concept: last";
    const added = addPhrase(noPhrases, { slug: "q", kind: "concept", id: "last", phrase: "tail" });
    if (!("text" in added)) throw new Error(added.problem);
    expect(added.text.startsWith("- slug: q")).toBe(true);
    expect(phrasesOf(added.text, 0)).toEqual(["tail"]);
    const block = "- slug: q\n  rubric:\n    concepts:\n      - concept: last\n        phrases:\n          - one";
    const extended = addPhrase(block, { slug: "q", kind: "concept", id: "last", phrase: "two" });
    if (!("text" in extended)) throw new Error(extended.problem);
    expect(phrasesOf(extended.text, 0)).toEqual(["one", "two"]);
  });

  it("when the flow list is empty or commented, then the phrase goes inside the brackets and the comment stays", () => {
    const empty = addPhrase(FILE, { slug: "q", kind: "concept", id: "empty", phrase: "true" });
    if (!("text" in empty)) throw new Error(empty.problem);
    expect(phrasesOf(empty.text, 1)).toEqual(["true"]);
    const mis = addPhrase(FILE, { slug: "q", kind: "misconception", id: "wrong", phrase: "c" });
    if (!("text" in mis)) throw new Error(mis.problem);
    expect(mis.text).toContain("phrases: [a, b, c] # keep this comment");
  });

  it("when the question or entry is missing, then it says so", () => {
    expect(addPhrase(FILE, { slug: "nope", kind: "concept", id: "block", phrase: "x" })).toEqual({
      problem: "question nope is not in this file",
    });
    expect(addPhrase(FILE, { slug: "q", kind: "misconception", id: "block", phrase: "x" })).toEqual({
      problem: "the rubric of q has no misconception block",
    });
  });
});

describe("unifiedDiff", () => {
  it("when lines change far apart, then each change gets its own hunk with three lines of context", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
    const after = before.replace("line 2\n", "line 2\nnew\n").replace("line 18", "LINE 18");
    expect(unifiedDiff("f.txt", before, after).split("\n")).toEqual([
      "diff --git a/f.txt b/f.txt",
      "--- a/f.txt",
      "+++ b/f.txt",
      "@@ -1,5 +1,6 @@",
      " line 1",
      " line 2",
      "+new",
      " line 3",
      " line 4",
      " line 5",
      "@@ -15,6 +16,6 @@",
      " line 15",
      " line 16",
      " line 17",
      "-line 18",
      "+LINE 18",
      " line 19",
      " line 20",
      "",
    ]);
    expect(unifiedDiff("f.txt", before, before)).toBe("");
  });
});
