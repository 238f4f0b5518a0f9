import type { Prisma } from "../db/database.ts";
import type { FollowUpIndex } from "../questions/follow-ups.ts";

/** An answer, named by its id and question, as the answer detail links to it. */
export interface ChainLink {
  id: string;
  slug: string;
}

interface Anchor {
  id: string;
  userId: string;
  source: "round" | "practice";
  submittedAt: Date;
  question: { slug: string };
  roundQuestion: { roundId: string } | null;
}

const link = { id: true, question: { select: { slug: true } } } as const;
const toLink = (a: { id: string; question: { slug: string } }): ChainLink => ({ id: a.id, slug: a.question.slug });

/**
 * The answers one answer is chained to, so history shows the chain together. In a round: the parent's and the
 * follow-ups' answers in that round. In practice: the latest practice answer to the parent at or before this one,
 * and each follow-up's first practice answer after this one (before the question was answered again).
 */
export async function chainAnswers(prisma: Prisma, index: FollowUpIndex, anchor: Anchor, followUpOf: string | undefined) {
  const children = [...(index.followUpsOf.get(anchor.question.slug) ?? [])];
  const roundId = anchor.roundQuestion?.roundId;
  if (roundId) {
    const rows = await prisma.answer.findMany({
      where: { roundQuestion: { roundId }, question: { slug: { in: [...children, ...(followUpOf ? [followUpOf] : [])] } } },
      select: link,
    });
    return {
      parentAnswer: followUpOf ? (rows.filter((r) => r.question.slug === followUpOf).map(toLink)[0] ?? null) : null,
      followUpAnswers: children.flatMap((slug) => rows.filter((r) => r.question.slug === slug).map(toLink)),
    };
  }
  const practice = { userId: anchor.userId, source: "practice" as const };
  const parent = followUpOf
    ? await prisma.answer.findFirst({
        where: { ...practice, question: { slug: followUpOf }, submittedAt: { lte: anchor.submittedAt } },
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        select: link,
      })
    : null;
  if (children.length === 0) return { parentAnswer: parent ? toLink(parent) : null, followUpAnswers: [] };
  const again = await prisma.answer.findFirst({
    where: { ...practice, question: { slug: anchor.question.slug }, submittedAt: { gt: anchor.submittedAt } },
    orderBy: { submittedAt: "asc" },
    select: { submittedAt: true },
  });
  const later = await prisma.answer.findMany({
    where: {
      ...practice,
      question: { slug: { in: children } },
      submittedAt: { gte: anchor.submittedAt, ...(again ? { lt: again.submittedAt } : {}) },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: link,
  });
  return {
    parentAnswer: parent ? toLink(parent) : null,
    followUpAnswers: children.flatMap((slug) => later.filter((r) => r.question.slug === slug).slice(0, 1).map(toLink)),
  };
}
