import { describe, expect, it } from "vitest";
import { decisionMatrix, inOptionTerms } from "../../../server/src/progress/decision-matrix.ts";
import { HALF_LIFE_DAYS, RECENT_ANSWERS, decayWeight, masteryBySection } from "../../../server/src/progress/mastery.ts";
import { timeReport } from "../../../server/src/progress/time-budget.ts";
import { neutraliseCell, csvRows } from "../../../server/src/history/csv.ts";
import { orderQueue, uncertainty } from "../../../server/src/review/uncertainty.ts";
import { VERDICT_THRESHOLDS as T } from "../../../server/src/grading/score.ts";
import { agreementReport, type Ruling } from "../../../server/src/review/rulings.ts";

const now = new Date("2026-11-25T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe("mastery", () => {
  it("weights an answer half as much per half-life", () => {
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(HALF_LIFE_DAYS)).toBeCloseTo(0.5);
    expect(decayWeight(-3)).toBe(1);
  });

  it("lets recent answers count more than old ones", () => {
    const [m] = masteryBySection(
      [
        { section: "flink", score: 1, submittedAt: daysAgo(0) },
        { section: "flink", score: 0, submittedAt: daysAgo(HALF_LIFE_DAYS) },
      ],
      now,
    );
    expect(m).toMatchObject({ section: "flink", answers: 2, level: "developing" });
    expect(m!.mastery).toBeCloseTo(1 / 1.5, 3);
  });

  it("uses only the most recent answers per section", () => {
    const answers = [
      ...Array.from({ length: RECENT_ANSWERS }, () => ({ section: "faq", score: 1, submittedAt: daysAgo(1) })),
      ...Array.from({ length: 10 }, () => ({ section: "faq", score: 0, submittedAt: daysAgo(2) })),
    ];
    expect(masteryBySection(answers, now)[0]).toMatchObject({ mastery: 1, level: "strong", answers: RECENT_ANSWERS });
  });
});

describe("decision matrix", () => {
  const options = [
    { id: "flink", label: "Apache Flink" },
    { id: "spark-batch", label: "Spark batch" },
    { id: "spark-streaming", label: "Spark Structured Streaming" },
  ];
  const isOption = (id: string) => options.some((o) => o.id === id);

  it("puts what the scenario called for in rows and what was committed in columns", () => {
    const m = decisionMatrix(
      [
        { expected: ["spark-batch"], committed: ["flink"], count: 3 },
        { expected: ["spark-batch"], committed: ["spark-batch"], count: 2 },
        { expected: ["flink", "spark-streaming"], committed: ["spark-streaming"], count: 1 },
        { expected: ["flink"], committed: [], count: 1 },
        { expected: ["flink"], committed: ["flink", "spark-batch"], count: 1 },
      ],
      options,
    );
    expect(m.rows).toEqual(["flink", "spark-batch", "spark-streaming"]);
    expect(m.columns).toEqual(["flink", "spark-batch", "spark-streaming", "none", "several"]);
    expect(m.cells).toContainEqual({ expected: "spark-batch", committed: "flink", count: 3 });
    expect(m.cells).toContainEqual({ expected: "spark-streaming", committed: "spark-streaming", count: 1 });
    expect(m.cells).toContainEqual({ expected: "flink", committed: "several", count: 1 });
    expect(m).toMatchObject({ total: 8, correct: 3 });
    expect(m.labels.none).toBe("no commitment");
  });

  it("when an answer commits only to acceptable options, however many, then it is right, never 'several'", () => {
    const m = decisionMatrix(
      [{ expected: ["flink", "spark-streaming"], committed: ["spark-streaming", "flink"], count: 1 }],
      options,
    );
    expect(m.cells).toEqual([{ expected: "flink", committed: "flink", count: 1 }]);
    expect(m).toMatchObject({ total: 1, correct: 1 });
  });

  it("when ids are not framework or architecture options, then those answers are left out", () => {
    const m = decisionMatrix(
      [
        { expected: ["kafka-in-and-out", "not-heavy-compute"], committed: ["kafka-in-and-out"], count: 4 },
        { expected: ["batch"], committed: ["batch"], count: 2 },
        { expected: ["flink"], committed: ["under-50ms"], count: 1 },
      ],
      options,
    );
    expect(m).toMatchObject({ rows: [], columns: [], cells: [], total: 0, correct: 0 });
  });

  it("when a choice question maps its choices to options, then picks count as those options; unmapped questions not at all", () => {
    const mapped = {
      type: "multi-choice" as const,
      choices: [
        { id: "a", correct: true, option: "flink" },
        { id: "b", correct: true, option: "spark-streaming" },
        { id: "c", correct: false, option: "spark-batch" },
      ],
    };
    expect(inOptionTerms(mapped, { expected: ["a", "b"], committed: ["a", "b"], count: 2 }, isOption)).toEqual({
      expected: ["flink", "spark-streaming"],
      committed: ["flink", "spark-streaming"],
      count: 2,
    });
    expect(inOptionTerms(mapped, { expected: ["a", "b"], committed: ["c"], count: 1 }, isOption)).toEqual({
      expected: ["flink", "spark-streaming"],
      committed: ["spark-batch"],
      count: 1,
    });
    const unmapped = {
      type: "multi-choice" as const,
      choices: [
        { id: "kafka-in-and-out", correct: true },
        { id: "needs-cluster", correct: false },
      ],
    };
    expect(
      inOptionTerms(unmapped, { expected: ["kafka-in-and-out"], committed: ["kafka-in-and-out"], count: 1 }, isOption),
    ).toBeUndefined();
  });

  it("when a free-text question asks for a paradigm, then it does not count; otherwise its commitment does", () => {
    const freeText = { type: "free-text" as const };
    expect(inOptionTerms(freeText, { expected: ["batch"], committed: ["batch"], count: 1 }, isOption)).toBeUndefined();
    expect(inOptionTerms(freeText, { expected: ["flink"], committed: [], count: 1 }, isOption)).toEqual({
      expected: ["flink"],
      committed: [],
      count: 1,
    });
  });
});

describe("time against budget", () => {
  it("flags questions whose median is over budget, slowest first", () => {
    const r = timeReport([
      { slug: "a", title: "A", section: "flink", answers: 3, medianSeconds: 120, budgetSeconds: 60 },
      { slug: "b", title: "B", section: "flink", answers: 1, medianSeconds: 30, budgetSeconds: 60 },
      { slug: "c", title: "C", section: "faq", answers: 2, medianSeconds: 60, budgetSeconds: 60 },
    ]);
    expect(r.questions.map((q) => [q.slug, q.ratio, q.slow])).toEqual([
      ["a", 2, true],
      ["c", 1, false],
      ["b", 0.5, false],
    ]);
    expect(r.sections[0]).toMatchObject({ section: "flink", slowQuestions: 1, meanRatio: 1.25 });
  });
});

describe("review queue order", () => {
  it("scores closeness to a threshold and uncertain flags", () => {
    expect(uncertainty(T.correct, [])).toBe(1);
    expect(uncertainty(T.partial, [])).toBe(1);
    expect(uncertainty(0.95, [])).toBe(0);
    expect(uncertainty(0.95, ["negated-concept", "hedged", "empty"])).toBe(2);
    expect(uncertainty(0.95, ["misconception:x"])).toBe(1);
  });

  it("when the grader called a grade low confidence, then it comes before a near-threshold flagged one", () => {
    expect(uncertainty(0.95, [], "low")).toBeGreaterThan(uncertainty(T.correct, ["negated-concept"], "high"));
    expect(uncertainty(0.95, [], "high")).toBe(uncertainty(0.95, []));
  });

  it("orders least certain first, then oldest", () => {
    const at = (d: number) => daysAgo(d);
    const order = orderQueue([
      { id: "sure-old", score: 1, flags: [], submittedAt: at(9) },
      { id: "near-new", score: T.correct + 0.01, flags: [], submittedAt: at(1) },
      { id: "near-old", score: T.correct + 0.01, flags: [], submittedAt: at(5) },
      { id: "flagged", score: 1, flags: ["keyword-list", "several-choices"], submittedAt: at(1) },
    ]).map((i) => i.id);
    expect(order).toEqual(["flagged", "near-old", "near-new", "sure-old"]);
  });
});

describe("CSV cells", () => {
  it("neutralises formula starters and keeps RFC 4180 quoting", () => {
    for (const s of ["=1+1", "+1", "-1", "@x", "\tx"]) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell(0.5)).toBe("0.5");
    expect(neutraliseCell(null)).toBe("");
    expect(csvRows([["a,b", 'say "hi"', "line\nbreak"]])).toBe('"a,b","say ""hi""","line\nbreak"\r\n');
  });

  it.each([
    ["a space before =", ' =HYPERLINK("http://x")'],
    ["spaces before +", "   +1"],
    ["a tab before -", "\t-2"],
    ["a newline before @", "\n@SUM(A1)"],
    ["a carriage return and newline before =", "\r\n=1"],
    ["a non-breaking space before =", "\u00a0=1"],
    ["a full-width equals sign", "＝1+1"],
    ["a full-width plus sign", "＋1"],
    ["a full-width minus sign", "－1"],
    ["a full-width at sign", "＠SUM(A1)"],
    ["whitespace before a full-width sign", " \t＝1"],
    ["a lone carriage return", "\rtext"],
  ])("when a cell starts with %s, then it gets a leading apostrophe", (_, cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it.each([
    ["text with = later", "a = b"],
    ["leading spaces before a word", "  Flink"],
    ["a newline before text", "\nSpark"],
    ["an empty cell", ""],
    ["a full-width sign later", "score ＝ 1"],
  ])("when a cell has %s, then it is left alone", (_, cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe("mentor agreement", () => {
  it("measures the grader against mentor rulings per question, worst first", () => {
    const r = (question: string, auto: Ruling["auto"], mentor: Ruling["mentor"]): Ruling => ({
      answerId: `${question}${auto}${mentor}`,
      question,
      title: `Title of ${question}`,
      answer: "",
      response: "",
      auto,
      mentor,
    });
    const report = agreementReport([
      r("q1", "correct", "correct"),
      r("q1", "partial", "partial"),
      r("q2", "correct", "incorrect"),
      r("q2", "partial", "partial"),
    ]);
    expect(report.total).toBe(4);
    expect(report.agreement).toBe(0.75);
    expect(report.mostDisagreed.map((q) => q.question)).toEqual(["q2"]);
    expect(report.perQuestion[0]).toMatchObject({
      question: "q2",
      title: "Title of q2",
      rulings: 2,
      disagreements: 1,
      agreement: 0.5,
    });
  });
});
