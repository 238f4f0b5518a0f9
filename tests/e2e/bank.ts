import { loadContent } from "../../server/src/content/load.ts";

const bank = loadContent("content");

/**
 * A free-text question's model answer: a gate in bank-gates.test.ts keeps each one graded correct, so a browser test
 * that needs a right answer does not hang on how the exemplar vote reads hand-written wording.
 */
export function modelAnswer(slug: string): string {
  const q = bank.questions.find((x) => x.slug === slug);
  if (q?.type !== "free-text") throw new Error(`${slug} is not a free-text question`);
  return q.modelAnswer;
}
