import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, type BankQuestion } from "../../../server/src/content/load.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import type { Verdict } from "../../../server/src/grading/types.ts";
import { REAL_CONTENT } from "../content/fixtures.ts";

/**
 * Gates the shipped bank must pass on every change, so a regression in the grader or a rubric cannot land.
 * Floors sit just under the figures measured when they were set (docs/grading.md); raise them as the grader
 * improves, never lower them to make a change pass.
 */
const bank = loadContent(REAL_CONTENT);
const freeText = bank.questions.filter(
  (q): q is Extract<BankQuestion, { type: "free-text" }> => q.type === "free-text",
);
const FRAMEWORKS = ["spark-batch", "spark-streaming", "flink", "kafka-streams"];
const labelOf = (id: string) => bank.lexicon.options.find((o) => o.id === id)!.label;
const namesOf = (id: string) => {
  const option = bank.lexicon.options.find((o) => o.id === id)!;
  return [option.label, ...option.aliases].sort((a, b) => b.length - a.length);
};
type Question = (typeof freeText)[number];
/** As the app grades: the rubric, checked by the labelled answers to the question (all but `withoutSource`'s). */
const grade = (q: Question, answer: string, withoutSource?: string) =>
  gradeFreeText(q.resolvedRubric, bank.lexicon, answer, { slug: q.slug, ...(withoutSource ? { withoutSource } : {}) });
/** The rubric alone, as for a question nobody has labelled answers to yet. */
const gradeByRubric = (q: Question, answer: string) => gradeFreeText(q.resolvedRubric, bank.lexicon, answer);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.each(freeText.map((q) => [q.slug, q] as const))("gates for %s", (_, q) => {
  it("when its model answer is graded, then it is correct", () => {
    expect(grade(q, q.modelAnswer).verdict).toBe("correct");
  });

  it("when its prompt is echoed back, then it is incorrect", () => {
    expect(grade(q, q.prompt).verdict).toBe("incorrect");
  });

  it("when the answer is 'I don't know', then it is incorrect", () => {
    expect(grade(q, "I don't know.").verdict).toBe("incorrect");
  });

  it("when every framework and the buzzwords are joined by 'and', then it is incorrect", () => {
    const pile =
      "Spark batch and Structured Streaming and Flink and Kafka Streams and low latency and exactly-once and watermarks";
    expect(grade(q, pile).verdict).toBe("incorrect");
  });

  it("when the right option and the rubric's own key phrases are joined by 'and', then it is not correct", () => {
    const option = q.resolvedRubric.choice ? [labelOf(q.resolvedRubric.choice.expected[0]!)] : [];
    const dump = [...option, ...q.resolvedRubric.concepts.map((c) => c.phrases[0]!)].join(" and ");
    expect(grade(q, dump).verdict).not.toBe("correct");
  });

  const expected = q.resolvedRubric.choice?.expected ?? [];
  const single = expected.length === 1 && FRAMEWORKS.includes(expected[0]!);
  it.runIf(single)("when the model answer's framework is swapped for a wrong one, then it is incorrect", () => {
    const wrong = FRAMEWORKS.find((f) => !expected.includes(f))!;
    const swapped = namesOf(expected[0]!).reduce(
      (text, name) => text.replace(new RegExp(`\\b${escape(name)}\\b`, "gi"), labelOf(wrong)),
      q.modelAnswer,
    );
    expect(grade(q, swapped).verdict).toBe("incorrect");
  });
});

interface Line {
  question: string;
  answer: string;
  label: Verdict;
  set?: string;
}
const readLines = (file: string): Line[] =>
  readFileSync(path.join(REAL_CONTENT, "calibration", file), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);
const bySlug = new Map(freeText.map((q) => [q.slug, q]));

describe("the guide's own answers", () => {
  it("when the study guide's answers are graded, then every one is correct", () => {
    const guide = readLines("external.jsonl").filter((l) => l.set === "guide");
    expect(guide.length).toBeGreaterThan(0);
    for (const line of guide)
      expect([line.question, grade(bySlug.get(line.question)!, line.answer).verdict]).toEqual([
        line.question,
        "correct",
      ]);
  });
});

/**
 * The rubric alone: [file, agreement floor, most answers labelled incorrect that may be graded correct]. It must
 * hold up by itself, for questions without labelled answers and because its matched and missed points are the
 * feedback a candidate reads.
 */
const RUBRIC_FLOORS: [string, number, number][] = [
  ["dev.jsonl", 0.98, 0],
  ["dev2.jsonl", 0.97, 0],
  ["dev3.jsonl", 0.97, 0],
  ["test.jsonl", 0.9, 0],
  ["external.jsonl", 0.86, 0],
  // The blind sets still hold answers labelled incorrect that the grader passes (docs/grading.md lists them):
  // the caps stop that number growing until mechanisms remove them.
  ["blind-1.jsonl", 0.84, 1],
  ["blind-2.jsonl", 0.81, 3],
  ["blind-3.jsonl", 0.82, 2],
  ["blind-4.jsonl", 0.84, 2],
  ["blind-5.jsonl", 0.8, 2],
  ["blind-6.jsonl", 0.81, 2],
  ["blind-7.jsonl", 0.81, 3],
  ["blind-8.jsonl", 0.78, 4],
  ["blind-9.jsonl", 0.78, 8],
  ["blind-13.jsonl", 0.85, 0],
  // Tuned on for commitment only (docs/grading.md, "What changed after blind-14"); its false passes are wrong
  // reasons the commitment round did not touch.
  ["blind-14.jsonl", 0.75, 5],
  // Tuned on for undecided menus and terse notes (docs/grading.md, "What changed after blind-15"); its false passes
  // are confident wrong reasons those mechanisms do not touch.
  ["blind-15.jsonl", 0.77, 4],
  // Tuned on for choices stated by their paradigm (docs/grading.md, "What changed after blind-16"); its false passes
  // are confident wrong reasons that mechanism does not touch.
  ["blind-16.jsonl", 0.77, 2],
  // Graded once after every change of the session, never tuned on; its false passes are confident wrong reasons.
  ["blind-17.jsonl", 0.79, 2],
  // Graded once on the final engine of the session, never tuned on.
  ["blind-18.jsonl", 0.73, 3],
  // Written after the exemplar vote was built; the rubric alone, never tuned on it, scored this at first sight.
  ["blind-19.jsonl", 0.81, 9],
  // Written after the session's last grading change; the previous session's rubric scored 77.5 % at first sight.
  ["blind-20.jsonl", 0.76, 6],
  // Written after the session's last grading change; the previous session's rubric scored 77.3 % at first sight.
  ["blind-21.jsonl", 0.77, 7],
  // Written after the exemplar vote; the rubric alone, never tuned on it, scored 82.8 % at first sight.
  ["blind-23.jsonl", 0.82, 4],
  // Written after this session's last grading change; the rubric alone scored 76.8 % at first sight.
  ["blind-24.jsonl", 0.76, 3],
  // Written after the note-predicate rule; the rubric alone scored 79.3 % at first sight.
  ["blind-25.jsonl", 0.79, 3],
  // Written after the session's last grading change; the rubric alone scored 80.0 % at first sight.
  ["blind-26.jsonl", 0.79, 3],
];

/** The file's agreement with its labels is at least `floor`, with at most `falsePasses` incorrect answers passed. */
function expectFloor(file: string, floor: number, falsePasses: number, verdictOf: (l: Line) => Verdict): void {
  const graded = readLines(file).map((l) => ({ label: l.label, verdict: verdictOf(l) }));
  const agreement = graded.filter((g) => g.label === g.verdict).length / graded.length;
  expect(agreement).toBeGreaterThanOrEqual(floor);
  expect(graded.filter((g) => g.label === "incorrect" && g.verdict === "correct").length).toBeLessThanOrEqual(
    falsePasses,
  );
}

describe.each(RUBRIC_FLOORS)("rubric floor for %s", (file, floor, falsePasses) => {
  it(`when the set is graded by the rubric alone, then agreement is at least ${floor} with at most ${falsePasses} incorrect answers graded correct`, () => {
    expectFloor(file, floor, falsePasses, (l) => gradeByRubric(bySlug.get(l.question)!, l.answer).verdict);
  });
});

/**
 * The grader as the app runs it, each file measured with its own answers left out of the vote (so a file is never
 * graded by its own labels): [file, agreement floor, most false passes]. docs/grading.md, "Exemplar vote".
 */
const GRADER_FLOORS: [string, number, number][] = [
  // The rubric was tuned on dev, dev2, dev3 and test; the vote (and its rule that a long "correct" needs the vote's
  // support) marks down a few of their long right answers. Since a clear pass needs a near-unanimous "partial" vote
  // to fall, 22 of their short right answers are no longer marked down (docs/grading.md, "Clear passes").
  ["dev.jsonl", 0.98, 0],
  ["dev2.jsonl", 0.97, 0],
  // blind-24's exemplars moved three of dev3's votes.
  ["dev3.jsonl", 0.96, 0],
  ["test.jsonl", 0.93, 0],
  // Moves by an answer or two as exemplars are added (89.1–90.0 % last session, 88.6 % with blind-23 in); the
  // clear-pass rule took it to 91.0 % (192 of 211), with external in view when the rule was chosen.
  ["external.jsonl", 0.9, 0],
  // The clear-pass rule costs the blind batches 10 of their 5,946 answers (a "partial" vote was right there), and
  // blind-23's exemplars moved a few votes: blind-1, -6, -7, -18 and -21 each lost one to three answers.
  ["blind-1.jsonl", 0.94, 0],
  ["blind-2.jsonl", 0.91, 0],
  // blind-24's exemplars moved a vote on blind-3 and blind-14 each.
  ["blind-3.jsonl", 0.93, 0],
  // blind-25's exemplars and the 0.65 long-answer share moved a vote or two on blind-4, -5 and -18 (and removed two
  // false passes elsewhere).
  ["blind-4.jsonl", 0.94, 0],
  ["blind-5.jsonl", 0.92, 0],
  ["blind-6.jsonl", 0.92, 1],
  ["blind-7.jsonl", 0.91, 0],
  ["blind-8.jsonl", 0.91, 0],
  ["blind-9.jsonl", 0.94, 2],
  ["blind-13.jsonl", 0.96, 0],
  ["blind-14.jsonl", 0.89, 2],
  // blind-26's exemplars moved two of its votes.
  ["blind-15.jsonl", 0.94, 0],
  ["blind-16.jsonl", 0.92, 0],
  ["blind-17.jsonl", 0.91, 0],
  ["blind-18.jsonl", 0.87, 1],
  // First sight (before it joined the bank): 91.3 %, 4 false passes.
  ["blind-19.jsonl", 0.91, 1],
  // First sight on the grader of e4dfa1b: 90.8 %, 4 false passes.
  ["blind-20.jsonl", 0.9, 2],
  // First sight on the session's final grader: 89.9 %, no false pass.
  ["blind-21.jsonl", 0.89, 0],
  // First sight (the previous session's final grader, before the clear-pass rule): 93.9 %, no false pass.
  ["blind-23.jsonl", 0.93, 0],
  // First sight on this session's final grader: 89.8 %, no false pass.
  ["blind-24.jsonl", 0.89, 0],
  // First sight before the 0.65 long-answer share: 92.4 %, no false pass.
  ["blind-25.jsonl", 0.92, 0],
  // First sight on the session's final grader: 92.6 %, one false pass (a long answer that rejects rerunning for
  // hand-patching; docs/grading.md "First sight on blind-26").
  ["blind-26.jsonl", 0.92, 1],
];

describe.each(GRADER_FLOORS)("grader floor for %s", (file, floor, falsePasses) => {
  it(`when the set is graded with its own answers left out, then agreement is at least ${floor} with at most ${falsePasses} incorrect answers graded correct`, () => {
    expectFloor(file, floor, falsePasses, (l) => grade(bySlug.get(l.question)!, l.answer, file).verdict);
  });
});
