import { gradeChoice, gradeFreeText, type GradeResult, type Lexicon } from "../grading/index.ts";
import { AppError } from "../http/index.ts";
import type { VersionBody } from "./present.ts";

export type AnswerValue = string | string[];

/**
 * A function, not a closure made per call: under tsx (esbuild's keepNames) each named closure is renamed with
 * `Object.defineProperty` whenever it is created, ~1% of an autosave's server CPU (which checks every save's shape).
 */
const bad = (message: string) =>
  new AppError("validation_failed", "The answer does not fit the question", [{ path: "answer", message }]);

/** Rejects an answer whose shape does not fit the question (a 400, not a wrong answer). */
export function checkAnswerShape(body: VersionBody, answer: AnswerValue): void {
  if (body.type === "free-text") {
    if (typeof answer !== "string") throw bad("a free-text answer is a string");
    return;
  }
  const ids = new Set(body.choices.map((c) => c.id));
  if (body.type === "single-choice") {
    if (typeof answer !== "string") throw bad("a single-choice answer is one choice id");
    if (!ids.has(answer)) throw bad(`unknown choice id: ${answer}`);
    return;
  }
  if (!Array.isArray(answer)) throw bad("a multi-choice answer is an array of choice ids");
  const unknown = answer.filter((id) => !ids.has(id));
  if (unknown.length) throw bad(`unknown choice id(s): ${unknown.join(", ")}`);
  if (new Set(answer).size !== answer.length) throw bad("choice ids must not repeat");
}

/** Grades against the exact version the answer is stored with. */
export function gradeAnswer(body: VersionBody, lexicon: Lexicon, answer: AnswerValue): GradeResult {
  if (body.type === "free-text")
    return gradeFreeText(body.resolvedRubric, lexicon, answer as string, { slug: body.slug });
  return gradeChoice({ type: body.type, choices: body.choices }, answer);
}
