import type { Prisma } from "../db/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { AppError, notFound } from "../http/index.ts";
import { titleOf, type VersionBodies } from "../questions/index.ts";
import { agreementReport, loadRulings } from "../review/index.ts";
import { regradePreview } from "./preview.ts";
import {
  createSuggestion,
  linkedAnswersTo,
  matchedEvidence,
  questionBySlug,
  suggestionsBy,
  type SuggestionRow,
} from "./repo.ts";
import { unmatchedText } from "./unmatched.ts";
import { withPhrase, type PhraseTarget } from "./with-phrase.ts";

export interface RubricDeps {
  prisma: Prisma;
  versionBodies: VersionBodies;
  lexicon: Lexicon;
  now: () => Date;
}

export interface PhraseInput {
  question: string;
  concept?: string | undefined;
  misconception?: string | undefined;
  phrase: string;
}

/** Per question, how the grader agrees with the mentor's own rulings on linked candidates; most disagreements first. */
export async function rubricHealth(deps: RubricDeps, mentorId: string) {
  const rulings = await loadRulings(deps.prisma, deps.versionBodies, { mentorId });
  const disagreeing = rulings.filter((r) => r.mentor !== r.auto);
  const evidence = await matchedEvidence(
    deps.prisma,
    disagreeing.map((r) => r.answerId),
  );
  const questions = agreementReport(rulings).perQuestion.map((q) => ({
    slug: q.question,
    title: q.title,
    rulings: q.rulings,
    agreement: q.agreement,
    kappa: q.kappa,
    disagreements: disagreeing
      .filter((r) => r.question === q.question)
      .map((r) => ({
        answerId: r.answerId,
        automatic: r.auto,
        ruling: r.mentor,
        unmatchedText: unmatchedText(r.answer, evidence.get(r.answerId) ?? []),
      })),
  }));
  questions.sort((a, b) => b.disagreements.length - a.disagreements.length || a.slug.localeCompare(b.slug));
  return { questions };
}

/** The current rubric's concepts and misconceptions, for picking where a phrase goes (no phrases: those stay server-side). */
export async function rubricEntries(deps: RubricDeps, slug: string) {
  const question = await questionBySlug(deps.prisma, slug);
  if (!question?.currentVersionId) throw notFound("No such question");
  const body = await deps.versionBodies.one(deps.prisma, question.currentVersionId);
  const rubric = body.type === "free-text" ? body.resolvedRubric : { concepts: [], misconceptions: [] };
  return {
    slug,
    title: titleOf(body),
    concepts: rubric.concepts.map((c) => ({ id: c.id, label: c.label })),
    misconceptions: rubric.misconceptions.map((m) => ({ id: m.id, explanation: m.explanation })),
  };
}

/**
 * What adding the phrase to the question's current rubric would do to the mentor's linked candidates' answers.
 * Only a mentor reaches here (the route checks the role); which answers count follows the access rule.
 */
export async function previewPhrase(deps: RubricDeps, mentorId: string, input: PhraseInput) {
  const question = await questionBySlug(deps.prisma, input.question);
  if (!question?.currentVersionId) throw notFound("No such question");
  const body = await deps.versionBodies.one(deps.prisma, question.currentVersionId);
  const target: PhraseTarget =
    input.concept !== undefined ? { concept: input.concept } : { misconception: input.misconception! };
  const field = "concept" in target ? "concept" : "misconception";
  const proposed = body.type === "free-text" ? withPhrase(body.resolvedRubric, target, input.phrase) : undefined;
  if (body.type !== "free-text" || !proposed)
    throw new AppError("validation_failed", "The request body is not valid", [
      { path: field, message: `the question's current rubric has no such ${field}` },
    ]);
  const [answers, rulings] = await Promise.all([
    linkedAnswersTo(deps.prisma, mentorId, question.id),
    loadRulings(deps.prisma, deps.versionBodies, { mentorId, questionId: question.id }),
  ]);
  const ruling = new Map(rulings.filter((r) => r.question === input.question).map((r) => [r.answerId, r.mentor]));
  return regradePreview(
    answers.map((a) => ({ ...a, ...(ruling.has(a.answerId) ? { ruling: ruling.get(a.answerId)! } : {}) })),
    { lexicon: deps.lexicon, slug: body.slug, current: body.resolvedRubric, proposed },
  );
}

/** Runs the preview and keeps the suggestion with its figures; content is only ever changed through git. */
export async function saveSuggestion(deps: RubricDeps, mentorId: string, input: PhraseInput & { note?: string }) {
  const preview = await previewPhrase(deps, mentorId, input);
  const row = await createSuggestion(deps.prisma, {
    question: input.question,
    concept: input.concept ?? null,
    misconception: input.misconception ?? null,
    phrase: input.phrase,
    note: input.note ?? null,
    total: preview.total,
    changedCount: preview.changed.length,
    agreementBefore: preview.agreementBefore,
    agreementAfter: preview.agreementAfter,
    createdById: mentorId,
    createdAt: deps.now(),
  });
  return { suggestion: presentSuggestion(row) };
}

export async function listSuggestions(deps: RubricDeps, mentorId: string) {
  return { items: (await suggestionsBy(deps.prisma, mentorId)).map(presentSuggestion) };
}

function presentSuggestion(row: SuggestionRow) {
  return {
    id: row.id,
    question: row.question,
    ...(row.concept !== null ? { concept: row.concept } : {}),
    ...(row.misconception !== null ? { misconception: row.misconception } : {}),
    phrase: row.phrase,
    ...(row.note !== null ? { note: row.note } : {}),
    total: row.total,
    changedCount: row.changedCount,
    agreementBefore: row.agreementBefore,
    agreementAfter: row.agreementAfter,
    createdBy: { id: row.createdBy.id, name: row.createdBy.displayName },
    createdAt: row.createdAt.toISOString(),
  };
}
