import type { Prisma } from "../db/index.ts";
import { storedGrade, storedResponse } from "../questions/index.ts";

/** The question's id and current version, by slug; `null` when no such question was ever synced. */
export const questionBySlug = (prisma: Prisma, slug: string) =>
  prisma.question.findUnique({ where: { slug }, select: { id: true, currentVersionId: true } });

/** Every free-text answer to the question (any version) by candidates linked to the mentor now, oldest first. */
/**
 * A preview regrades on the server's one thread, twice per answer (~0.3 ms each): past this many answers it takes the
 * newest, so one mentor's preview cannot stall everyone's requests.
 */
const PREVIEW_ANSWER_LIMIT = 2_000;

export async function linkedAnswersTo(prisma: Prisma, mentorId: string, questionId: string) {
  const rows = await prisma.answer.findMany({
    where: { questionId, user: { candidateLinks: { some: { mentorId, endedAt: null } } } },
    select: { id: true, response: true },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: PREVIEW_ANSWER_LIMIT,
  });
  rows.reverse();
  return rows.flatMap((r) => {
    const response = storedResponse.parse(r.response);
    return typeof response === "string" ? [{ answerId: r.id, text: response }] : [];
  });
}

/** The matched evidence of each answer's stored automatic grade, by answer id. */
export async function matchedEvidence(prisma: Prisma, answerIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await prisma.answer.findMany({
    where: { id: { in: [...answerIds] } },
    select: { id: true, grade: true },
  });
  return new Map(rows.map((r) => [r.id, storedGrade.parse(r.grade).matched.map((m) => m.evidence)]));
}

const withAuthor = { createdBy: { select: { id: true, displayName: true } } } as const;

export const createSuggestion = (
  prisma: Prisma,
  data: {
    question: string;
    concept: string | null;
    misconception: string | null;
    phrase: string;
    note: string | null;
    total: number;
    changedCount: number;
    agreementBefore: number | null;
    agreementAfter: number | null;
    createdById: string;
    createdAt: Date;
  },
) => prisma.rubricSuggestion.create({ data, include: withAuthor });

export const suggestionsBy = (prisma: Prisma, mentorId: string) =>
  prisma.rubricSuggestion.findMany({
    where: { createdById: mentorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: withAuthor,
  });

/** Every mentor's suggestions, oldest first, for the maintainer's patch (cli/content-suggestions.ts). */
export const allSuggestions = (prisma: Prisma) =>
  prisma.rubricSuggestion.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: withAuthor });

export type SuggestionRow = Awaited<ReturnType<typeof allSuggestions>>[number];
