import type { Prisma } from "../db/database.ts";
import type { Verdict } from "../grading/types.ts";
import { titleOf } from "../questions/present.ts";
import { versionBodies } from "../questions/version-bodies.ts";
import { answerText, type Ruling } from "./rulings.ts";

/**
 * Whose rulings to read. A mentor reads only their own, and only on candidates still linked to them (the access
 * rule: a mentor sees a candidate's data only while linked); every mentor's rulings are for the operator's CLI.
 */
export type RulingScope = { mentorId: string } | { allMentors: true };

/** Every answer ruled on in scope (overridden, or confirmed by marking reviewed), with the ruling that stands. */
export async function loadRulings(prisma: Prisma, scope: RulingScope): Promise<Ruling[]> {
  const mentorId = "mentorId" in scope ? scope.mentorId : undefined;
  const rows = await prisma.answer.findMany({
    where: mentorId
      ? { reviews: { some: { mentorId } }, user: { candidateLinks: { some: { mentorId, endedAt: null } } } }
      : { OR: [{ overrides: { some: {} } }, { reviews: { some: {} } }] },
    select: {
      id: true,
      verdict: true,
      response: true,
      questionVersionId: true,
      question: { select: { slug: true } },
      overrides: {
        where: mentorId ? { mentorId } : {},
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { verdict: true },
      },
    },
    orderBy: { submittedAt: "asc" },
  });
  const bodies = await versionBodies(prisma, [...new Set(rows.map((r) => r.questionVersionId))]);
  return rows.map((r) => ({
    answerId: r.id,
    question: r.question.slug,
    title: titleOf(bodies.get(r.questionVersionId) ?? { prompt: r.question.slug }),
    answer: answerText(r.response),
    response: r.response as string | string[],
    auto: r.verdict as Verdict,
    mentor: (r.overrides[0]?.verdict ?? r.verdict) as Verdict,
  }));
}
