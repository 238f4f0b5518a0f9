import type { Prisma } from "../db/index.ts";
import type { FollowUpIndex } from "../questions/index.ts";
import { latestPracticeAnswer, nextPracticeAnswerAt, practiceAnswersTo, roundAnswersTo } from "./repo.ts";

interface Anchor {
  id: string;
  userId: string;
  source: "round" | "practice";
  submittedAt: Date;
  question: { slug: string };
  roundQuestion: { roundId: string } | null;
}

/**
 * The answers one answer is chained to, so history shows the chain together. In a round: the parent's and the
 * follow-ups' answers in that round. In practice: the latest practice answer to the parent at or before this one,
 * and each follow-up's first practice answer after this one (before the question was answered again).
 */
export async function chainAnswers(
  prisma: Prisma,
  index: FollowUpIndex,
  anchor: Anchor,
  followUpOf: string | undefined,
) {
  const children = [...(index.followUpsOf.get(anchor.question.slug) ?? [])];
  const roundId = anchor.roundQuestion?.roundId;
  if (roundId) {
    const rows = await roundAnswersTo(prisma, roundId, [...children, ...(followUpOf ? [followUpOf] : [])]);
    return {
      parentAnswer: followUpOf ? (rows.find((r) => r.slug === followUpOf) ?? null) : null,
      followUpAnswers: children.flatMap((slug) => rows.filter((r) => r.slug === slug)),
    };
  }
  const parentAnswer = followUpOf
    ? await latestPracticeAnswer(prisma, anchor.userId, followUpOf, anchor.submittedAt)
    : null;
  if (children.length === 0) return { parentAnswer, followUpAnswers: [] };
  const again = await nextPracticeAnswerAt(prisma, anchor.userId, anchor.question.slug, anchor.submittedAt);
  const later = await practiceAnswersTo(prisma, anchor.userId, children, anchor.submittedAt, again);
  return {
    parentAnswer,
    followUpAnswers: children.flatMap((slug) => later.filter((r) => r.slug === slug).slice(0, 1)),
  };
}
