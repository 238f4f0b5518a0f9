import type { ResolvedRubric } from "../grading/index.ts";
import type { Concept, VocabularyOption } from "./catalogues.ts";
import type { RubricInput } from "./schema.ts";

/** Turns a checked rubric into the grader's self-contained form: catalogue text merged in, defaults filled. */
export function resolveRubric(
  rubric: RubricInput,
  concepts: Map<string, Concept>,
  options: VocabularyOption[],
  prompt?: string,
): ResolvedRubric {
  return {
    ...(prompt !== undefined && { prompt }),
    ...(rubric.choice && { choice: resolveChoice(rubric.choice, options) }),
    concepts: rubric.concepts.map((entry) => {
      const concept = concepts.get(entry.concept);
      if (!concept) throw new Error(`rubric concept "${entry.concept}" was not checked against the catalogue`);
      return {
        id: concept.id,
        label: concept.label,
        weight: entry.weight,
        required: entry.required,
        phrases: [...new Set([...concept.phrases, ...(entry.phrases ?? [])])],
        hint: entry.hint ?? concept.explanation,
        explanation: concept.explanation,
      };
    }),
    misconceptions: rubric.misconceptions.map(({ id, phrases, penalty, explanation }) => ({
      id,
      phrases,
      penalty,
      explanation,
    })),
  };
}

function resolveChoice(
  choice: NonNullable<RubricInput["choice"]>,
  options: VocabularyOption[],
): NonNullable<ResolvedRubric["choice"]> {
  const category = options.find((option) => option.id === choice.expected[0])?.category;
  const alternatives =
    choice.alternatives ??
    options
      .filter((option) => option.category === category && !choice.expected.includes(option.id))
      .map((option) => option.id);
  return { expected: [...choice.expected], alternatives: [...alternatives] };
}
