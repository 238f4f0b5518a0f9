import type { ResolvedRubric } from "../grading/index.ts";

/** Which rubric entry a suggested phrase belongs to: a concept or a misconception, by id. */
export type PhraseTarget = { concept: string } | { misconception: string };

/**
 * A copy of the rubric with one more phrase on the target; the original is never touched (the grader compiles and
 * caches rubrics by object identity, so mutating the app's one would regrade every later answer with the phrase).
 * `undefined` when the rubric has no such entry.
 */
export function withPhrase(rubric: ResolvedRubric, target: PhraseTarget, phrase: string): ResolvedRubric | undefined {
  const add = <T extends { id: string; phrases: string[] }>(items: T[], id: string) =>
    items.some((item) => item.id === id)
      ? items.map((item) => (item.id === id ? { ...item, phrases: [...item.phrases, phrase] } : item))
      : undefined;
  if ("concept" in target) {
    const concepts = add(rubric.concepts, target.concept);
    return concepts && { ...rubric, concepts };
  }
  const misconceptions = add(rubric.misconceptions, target.misconception);
  return misconceptions && { ...rubric, misconceptions };
}
