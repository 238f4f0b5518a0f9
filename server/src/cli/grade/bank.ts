import { ContentError, formatIssue, loadContent, type BankQuestion } from "../../content/index.ts";
import { gradeChoice, gradeFreeText, type GradeResult, type Lexicon } from "../../grading/index.ts";

/**
 * Grades an answer to one question of the bank; throws with a message fit for the user. `withoutSource` names a
 * calibration file whose answers may not vote, so a file measured is never graded by its own labels.
 */
export type Grader = (slug: string, answer: string | string[], withoutSource?: string) => GradeResult;

function gradeOne(question: BankQuestion, lexicon: Lexicon, answer: string | string[], withoutSource?: string) {
  if (question.type !== "free-text") return gradeChoice(question, answer);
  if (typeof answer !== "string")
    throw new Error(`"${question.slug}" is a free-text question: answer must be a string`);
  return gradeFreeText(question.resolvedRubric, lexicon, answer, {
    slug: question.slug,
    ...(withoutSource === undefined ? {} : { withoutSource }),
  });
}

/** Loads the content bank; on content errors prints every issue to stderr and returns undefined. */
export function loadGrader(dir: string): Grader | undefined {
  try {
    const bank = loadContent(dir);
    const bySlug = new Map(bank.questions.map((q) => [q.slug, q]));
    return (slug, answer, withoutSource) => {
      const question = bySlug.get(slug);
      if (!question) throw new Error(`unknown question "${slug}"`);
      return gradeOne(question, bank.lexicon, answer, withoutSource);
    };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`content in ${dir} is invalid (${error.issues.length} issues)\n`);
    return undefined;
  }
}
