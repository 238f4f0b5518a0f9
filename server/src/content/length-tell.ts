import type { ContentIssue } from "./issues.ts";
import type { QuestionInput } from "./schema.ts";
import { issueAt, type ItemRef } from "./yaml-file.ts";

/** How much longer than every wrong option the correct ones must be before their length gives them away. */
const LENGTH_TELL_RATIO = 1.25;

export interface LengthTell {
  /** Index of the shortest correct choice: the one that still stands out. */
  index: number;
  correctLength: number;
  longestWrongLength: number;
}

/**
 * A choice question whose correct options can be picked by length alone: the shortest correct option is at least
 * 25 % longer (in characters) than the longest wrong one. With one correct option that is the correct option itself.
 * undefined when there is no such tell, or no wrong option to compare against.
 */
export function lengthTell(choices: readonly { text: string; correct: boolean }[]): LengthTell | undefined {
  const lengths = choices.map((c, index) => ({ index, correct: c.correct, length: c.text.trim().length }));
  const wrong = lengths.filter((c) => !c.correct);
  const correct = lengths.filter((c) => c.correct);
  if (wrong.length === 0 || correct.length === 0) return undefined;
  const longestWrongLength = Math.max(...wrong.map((c) => c.length));
  const shortestCorrect = correct.reduce((a, b) => (b.length < a.length ? b : a));
  if (shortestCorrect.length < LENGTH_TELL_RATIO * longestWrongLength) return undefined;
  return { index: shortestCorrect.index, correctLength: shortestCorrect.length, longestWrongLength };
}

function describeLengthTell(tell: LengthTell, correctCount: number): string {
  const percent = Math.round((100 * (tell.correctLength - tell.longestWrongLength)) / tell.longestWrongLength);
  const subject = correctCount === 1 ? "the correct option is" : "every correct option is at least";
  return (
    `${subject} ${percent} % longer than the longest wrong one (${tell.correctLength} vs ${tell.longestWrongLength} ` +
    "characters), so it can be picked by length alone"
  );
}

/** The warning content:check prints for a question whose answer shows by its length, at the give-away choice. */
export function lengthTellWarning(question: QuestionInput, ref: ItemRef): ContentIssue | undefined {
  if (question.type === "free-text") return undefined;
  const tell = lengthTell(question.choices);
  if (!tell) return undefined;
  const correctCount = question.choices.filter((c) => c.correct).length;
  return issueAt(ref, ["choices", tell.index, "text"], describeLengthTell(tell, correctCount));
}
