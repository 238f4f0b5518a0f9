import { describe, expect, it } from "vitest";
import { loadContent, type BankQuestion } from "../../../server/src/content/load.ts";
import { gradeFreeText } from "../../../server/src/grading/index.ts";
import { REAL_CONTENT } from "../content/fixtures.ts";

const bank = loadContent(REAL_CONTENT);
const question = (slug: string) =>
  bank.questions.find((q): q is Extract<BankQuestion, { type: "free-text" }> => q.slug === slug)!;
const grade = (slug: string, answer: string) => gradeFreeText(question(slug).resolvedRubric, bank.lexicon, answer);

describe("a choice stated by its paradigm", () => {
  it("when Spark batch is expected and the answer says 'a batch job', then it is the right choice, partial", () => {
    const result = grade("scenario-realtime-read-hourly", "I would set up a scheduled batch job for this.");
    expect(result.flags).toContain("generic-choice");
    expect(result.verdict).toBe("partial");
  });

  it("when Spark batch is expected and the answer says 'a streaming job', then nothing is committed", () => {
    const result = grade("scenario-realtime-read-hourly", "I would set up a streaming job for this.");
    expect(result.flags).toContain("no-commitment");
    expect(result.verdict).toBe("incorrect");
  });

  it("when the paradigm also holds wrong frameworks, then naming it commits to nothing", () => {
    const result = grade("scenario-fraud-detection", "I'd use some streaming tool for this.");
    expect(result.flags).not.toContain("generic-choice");
    expect(result.verdict).toBe("incorrect");
  });

  it("when the answer names a framework too, then the paradigm is not read as its choice", () => {
    const result = grade("scenario-realtime-read-hourly", "Flink, with micro-batches feeding a batch job downstream.");
    expect(result.flags).not.toContain("generic-choice");
  });
});
