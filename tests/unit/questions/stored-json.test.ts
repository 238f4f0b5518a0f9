import { describe, expect, it } from "vitest";
import { storedGrade } from "../../../server/src/questions/stored-grade.ts";
import { versionBodySchema } from "../../../server/src/questions/version-repo.ts";

const grade = {
  score: 1,
  verdict: "correct",
  matched: [],
  missed: [],
  flags: [],
  confidence: "high",
  confidenceReasons: [],
};

describe("JSON columns decoded at the repo boundary", () => {
  it("when a stored grade is read, then it comes back as stored, older grades without confidence included", () => {
    expect(storedGrade.parse(grade)).toEqual(grade);
    const { confidence: _c, confidenceReasons: _r, ...older } = grade;
    expect(storedGrade.parse({ ...older, retiredField: 1 })).toEqual({ ...older, retiredField: 1 });
  });

  it("when a stored grade lacks what the API shows, then reading it fails instead of passing it on", () => {
    expect(() => storedGrade.parse({ score: 1 })).toThrow();
    expect(() => storedGrade.parse({ ...grade, verdict: "great" })).toThrow();
  });

  it("when a version body is read, then its type decides what it must carry (choices, or a resolved rubric)", () => {
    const choice = {
      slug: "s",
      prompt: "p",
      type: "single-choice",
      choices: [{ id: "a", text: "A", correct: true, feedback: "" }],
    };
    const freeText = { slug: "f", prompt: "p", type: "free-text", resolvedRubric: { concepts: [] } };
    expect(versionBodySchema.parse(choice)).toBe(choice);
    expect(versionBodySchema.parse(freeText)).toBe(freeText);
    expect(() => versionBodySchema.parse({ ...freeText, resolvedRubric: undefined })).toThrow();
    expect(() => versionBodySchema.parse({ slug: "s", prompt: "p", type: "single-choice" })).toThrow();
  });
});
