import type { Prisma } from "../db/database.ts";
import type { Verdict } from "../grading/types.ts";
import { answerText, type Ruling } from "./rulings.ts";

/** Every answer any mentor ruled on (overrode, or confirmed by marking reviewed), with the ruling that stands. */
export async function loadRulings(prisma: Prisma): Promise<Ruling[]> {
  const rows = await prisma.answer.findMany({
    where: { OR: [{ overrides: { some: {} } }, { reviews: { some: {} } }] },
    select: {
      id: true,
      verdict: true,
      response: true,
      question: { select: { slug: true } },
      overrides: { orderBy: { createdAt: "desc" }, take: 1, select: { verdict: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
  return rows.map((r) => ({
    answerId: r.id,
    question: r.question.slug,
    answer: answerText(r.response),
    response: r.response as string | string[],
    auto: r.verdict as Verdict,
    mentor: (r.overrides[0]?.verdict ?? r.verdict) as Verdict,
  }));
}
