import { type Prisma, type SqlRunner } from "../db/index.ts";
import { newChoiceOrder } from "./choice-order.ts";
import type { FollowUpIndex } from "./follow-ups.ts";
import { chainFields, hiddenSlugs, practiceUnlocks } from "./practice-follow-ups.ts";
import { practiceProgress, solvedIds, type QuestionProgress } from "./practice-progress.ts";
import { presentQuestion } from "./present.ts";
import { listActive } from "./active-questions.ts";
import { idsMatchingWords, type QuestionFilter } from "./repo.ts";
import type { VersionBodies } from "./version-bodies.ts";

export interface ListQuestionsOptions extends Omit<QuestionFilter, "excludeSlugs" | "onlyIds" | "excludeIds"> {
  userId: string | undefined;
  q?: string | undefined;
  progress: "all" | "unsolved" | "solved";
  page: number;
  pageSize: number;
}

const wordsOf = (q: string): string[] => [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))];

/**
 * One page of the bank as this caller may see it: locked follow-ups hidden, narrowed by a search and by their own
 * progress, each question marked attempted or solved for a signed-in caller.
 */
export async function listQuestions(
  deps: { prisma: Prisma; sql: SqlRunner; followUps: FollowUpIndex; versionBodies: VersionBodies },
  { userId, q, progress: wanted, page, pageSize, ...filter }: ListQuestionsOptions,
) {
  const [unlocks, progress, onlyIds] = await Promise.all([
    practiceUnlocks(deps.prisma, deps.followUps, userId),
    userId ? practiceProgress(deps.sql, userId) : new Map<string, QuestionProgress>(),
    q ? idsMatchingWords(deps.sql, wordsOf(q)) : undefined,
  ]);
  const solved = userId && wanted !== "all" ? solvedIds(progress) : undefined;
  const { items, total } = await listActive(
    deps,
    {
      ...filter,
      excludeSlugs: hiddenSlugs(unlocks),
      onlyIds: wanted === "solved" && solved ? intersect(onlyIds, solved) : onlyIds,
      ...(wanted === "unsolved" && solved ? { excludeIds: solved } : {}),
    },
    { skip: (page - 1) * pageSize, take: pageSize },
  );
  const present = items.map((item) => {
    const mark = progress.get(item.id);
    return {
      ...presentQuestion(item.body, item.version, newChoiceOrder(item.body)),
      ...chainFields(unlocks, item.body.slug),
      ...(mark ? { progress: mark } : {}),
    };
  });
  return { items: present, total, page, pageSize };
}

const intersect = (a: string[] | undefined, b: string[]): string[] => (a ? a.filter((id) => b.includes(id)) : b);
