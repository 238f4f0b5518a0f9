import type { Concept, VocabularyOption } from "./catalogues.ts";
import type { ContentIssue } from "./issues.ts";
import type { QuestionInput, RubricInput } from "./schema.ts";
import { issueAt, type ItemRef } from "./yaml-file.ts";

/** What questions may reference; a catalogue that failed to load is absent, so its references go unchecked. */
export interface Catalogues {
  options?: Map<string, VocabularyOption>;
  concepts?: Map<string, Concept>;
}

/** Checks the rules zod cannot see: correct-answer counts, unique choice ids and references into the catalogues. */
export function checkQuestion(
  question: QuestionInput,
  ref: ItemRef,
  catalogues: Catalogues,
  issues: ContentIssue[],
): void {
  if (question.type === "free-text") {
    checkRubric(question.rubric, ref, catalogues, issues);
    return;
  }
  const correct = question.choices.filter((choice) => choice.correct).length;
  if (question.type === "single-choice" && correct !== 1) {
    issues.push(
      issueAt(ref, ["choices"], `a single-choice question needs exactly one correct choice, found ${correct}`),
    );
  }
  if (question.type === "multi-choice" && correct === 0) {
    issues.push(issueAt(ref, ["choices"], "a multi-choice question needs at least one correct choice"));
  }
  const seen = new Set<string>();
  question.choices.forEach((choice, index) => {
    if (seen.has(choice.id)) issues.push(issueAt(ref, ["choices", index, "id"], `duplicate choice id "${choice.id}"`));
    seen.add(choice.id);
    if (choice.option !== undefined) checkChoiceOption(choice.option, index, ref, catalogues, issues);
  });
  const mapped = question.choices.some((choice) => choice.option !== undefined);
  if (mapped && !question.choices.some((choice) => choice.correct && choice.option !== undefined)) {
    const message = "maps choices to options but no correct choice has one, so no answer could count as right";
    issues.push(issueAt(ref, ["choices"], message));
  }
}

/** Only what the decision matrix has rows and columns for: frameworks and architectures, not paradigms. */
function checkChoiceOption(id: string, index: number, ref: ItemRef, { options }: Catalogues, issues: ContentIssue[]) {
  if (!options) return;
  const field = ["choices", index, "option"];
  const option = options.get(id);
  if (!option) issues.push(issueAt(ref, field, `references unknown option "${id}" (not in vocabulary.yaml)`));
  else if (option.category === "paradigm") {
    issues.push(issueAt(ref, field, `"${id}" is a paradigm; a choice can only map to a framework or architecture`));
  }
}

function checkRubric(
  rubric: RubricInput,
  ref: ItemRef,
  { options, concepts }: Catalogues,
  issues: ContentIssue[],
): void {
  const listed = new Set<string>();
  rubric.concepts.forEach((entry, index) => {
    const field = ["rubric", "concepts", index, "concept"];
    if (concepts && !concepts.has(entry.concept)) {
      issues.push(issueAt(ref, field, `references unknown concept "${entry.concept}" (not in concepts.yaml)`));
    }
    if (listed.has(entry.concept)) issues.push(issueAt(ref, field, `lists concept "${entry.concept}" twice`));
    listed.add(entry.concept);
  });

  const choice = rubric.choice;
  if (!choice) return;
  const lists = [
    ["expected", choice.expected],
    ["alternatives", choice.alternatives ?? []],
  ] as const;
  for (const [key, ids] of lists) {
    ids.forEach((id, index) => {
      if (options && !options.has(id)) {
        issues.push(
          issueAt(ref, ["rubric", "choice", key, index], `references unknown option "${id}" (not in vocabulary.yaml)`),
        );
      }
    });
  }
  choice.alternatives?.forEach((id, index) => {
    if (choice.expected.includes(id)) {
      issues.push(
        issueAt(ref, ["rubric", "choice", "alternatives", index], `option "${id}" is both expected and an alternative`),
      );
    }
  });
}
