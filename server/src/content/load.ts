import { buildExemplarBank, type Lexicon, type ResolvedRubric } from "../grading/index.ts";
import { parseConcepts, parseVocabulary, type Concept } from "./catalogues.ts";
import { checkQuestion } from "./check-question.ts";
import { openContentDir } from "./content-dir.ts";
import { readExemplars } from "./exemplar-files.ts";
import { ContentError, type ContentIssue } from "./issues.ts";
import { lengthTellWarning } from "./length-tell.ts";
import { resolveRubric } from "./resolve-rubric.ts";
import { flashcardSchema, questionSchema, type FlashcardInput, type QuestionInput } from "./schema.ts";
import { checkFollowUps } from "./check-follow-ups.ts";
import { readSectionLists } from "./section-lists.ts";
import type { ItemRef } from "./yaml-file.ts";

export { ContentError, formatIssue, formatWarning, type ContentIssue } from "./issues.ts";
export type BankQuestion =
  | (Extract<QuestionInput, { type: "single-choice" | "multi-choice" }> & { file: string })
  | (Extract<QuestionInput, { type: "free-text" }> & { file: string; resolvedRubric: ResolvedRubric });

export interface ContentBank {
  questions: BankQuestion[];
  flashcards: (FlashcardInput & { file: string })[];
  lexicon: Lexicon;
  concepts: Map<string, Concept>;
  /** Worth an author's look but not wrong: content:check prints them and still passes. */
  warnings: ContentIssue[];
}

/**
 * Loads and cross-checks the question bank in `dir` (vocabulary.yaml, concepts.yaml, questions/, flashcards/).
 * Throws a ContentError listing every issue found, so nothing half-valid ever reaches the app.
 * Files are named relative to `dir`'s parent (e.g. "content/questions/flink.yaml"), wherever the process runs.
 */
export function loadContent(dir: string): ContentBank {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const content = openContentDir(dir, issues);

  const vocabularyFile = content.read("vocabulary.yaml");
  const vocabulary = vocabularyFile && parseVocabulary(vocabularyFile, issues);
  const conceptsFile = content.read("concepts.yaml");
  const concepts = conceptsFile && parseConcepts(conceptsFile, issues, vocabulary);
  const catalogues = {
    options: vocabulary && new Map(vocabulary.options.map((option) => [option.id, option])),
    concepts,
  };

  const refs = new Map<string, ItemRef>();
  const questions = readSectionLists(
    content,
    questionSchema,
    {
      folder: "questions",
      everySection: true,
      check: (question, ref) => {
        refs.set(question.slug, ref);
        checkQuestion(question, ref, catalogues, issues);
        const tell = lengthTellWarning(question, ref);
        if (tell) warnings.push(tell);
      },
    },
    issues,
  );
  checkFollowUps(questions, refs, issues);
  const flashcards = readSectionLists(content, flashcardSchema, { folder: "flashcards", everySection: false }, issues);

  const freeTextSlugs = new Set(questions.filter((q) => q.type === "free-text").map((q) => q.slug));
  const exemplars = readExemplars(dir, content.display, freeTextSlugs, issues);

  if (issues.length > 0 || !vocabulary || !concepts) throw new ContentError(issues);
  return {
    questions: questions.map((question) =>
      question.type === "free-text"
        ? { ...question, resolvedRubric: resolveRubric(question.rubric, concepts, vocabulary.options, question.prompt) }
        : question,
    ),
    flashcards,
    lexicon: {
      options: vocabulary.options.map(({ id, label, aliases, category, paradigm }) => ({
        id,
        label,
        aliases,
        category,
        ...(paradigm ? { paradigm } : {}),
      })),
      synonyms: vocabulary.synonyms,
      facts: [...concepts.values()].flatMap(({ id, phrases, trueOf, claims, contrary }) =>
        trueOf ? [{ concept: id, trueOf, claims: claims ?? phrases, ...(contrary && { contrary }) }] : [],
      ),
      exemplars: buildExemplarBank(exemplars),
    },
    concepts,
    warnings,
  };
}
