import { z } from "zod";
import { type Prisma, col, queryRow, queryRows, sql } from "../db/index.ts";
import type { ActivityDay } from "./activity.ts";

/** The candidate's open round (at most one exists), with how many of its questions are answered. */
export async function openRound(prisma: Prisma, userId: string) {
  const round = await prisma.round.findFirst({
    where: { userId, status: "open" },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      startedAt: true,
      deadline: true,
      timeLimitSeconds: true,
      questions: { select: { answer: { select: { id: true } } } },
    },
  });
  if (!round) return null;
  return {
    id: round.id,
    startedAt: round.startedAt.toISOString(),
    deadline: round.deadline.toISOString(),
    timeLimitSeconds: round.timeLimitSeconds,
    questions: round.questions.length,
    answered: round.questions.filter((q) => q.answer !== null).length,
  };
}

export async function lastRoundStartedAt(prisma: Prisma, userId: string): Promise<Date | null> {
  const round = await prisma.round.findFirst({
    where: { userId },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return round?.startedAt ?? null;
}

/**
 * When the next card falls due after `after` (scheduled cards only), and whether unstudied cards remain — those come
 * with the next day's allowance of new cards. Retired content leaves the queue, so it is left out here too.
 */
export async function nextDue(prisma: Prisma, userId: string, after: Date) {
  const row = await queryRow(
    prisma,
    sql`SELECT min(c.due) FILTER (WHERE c.state > 0 AND c.due > ${after.toISOString()}::timestamptz) AS due, bool_or(c.state = 0) AS fresh
       FROM "Card" c
       LEFT JOIN "Flashcard" f ON f.id = c."flashcardId"
       LEFT JOIN "Question" q ON q.id = c."questionId"
      WHERE c."userId" = ${userId}::uuid AND c.suspended = false
        AND CASE WHEN c.kind = 'bank' THEN f."retiredAt" IS NULL ELSE q."retiredAt" IS NULL END`,
    z.object({ due: col.date.nullable(), fresh: z.boolean().nullable() }),
  );
  return { due: row?.due ?? null, fresh: row?.fresh === true };
}

/** Answers and (not undone) flashcard reviews per calendar day in `timeZone`, from `since` on. */
export async function activityByDay(
  prisma: Prisma,
  userId: string,
  since: Date,
  timeZone: string,
): Promise<ActivityDay[]> {
  const user = sql`${userId}::uuid`;
  const from = sql`${since.toISOString()}::timestamptz`;
  const zone = sql`${timeZone}::text`;
  const rows = await queryRows(
    prisma,
    sql`SELECT day, sum(answers) AS answers, sum(reviews) AS reviews FROM (
       SELECT to_char(a."submittedAt" AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day, 1 AS answers, 0 AS reviews
         FROM "Answer" a WHERE a."userId" = ${user} AND a."submittedAt" >= ${from}
       UNION ALL
       SELECT to_char(r."reviewedAt" AT TIME ZONE ${zone}, 'YYYY-MM-DD'), 0, 1
         FROM "ReviewLog" r WHERE r."userId" = ${user} AND r."reviewedAt" >= ${from} AND r."undoneAt" IS NULL
     ) t GROUP BY day`,
    z.object({ day: z.string(), answers: col.int, reviews: col.int }),
  );
  return rows.map((r) => ({ date: r.day, answers: r.answers, reviews: r.reviews }));
}

const unreadRow = z.object({
  kind: z.enum(["comment", "override", "dispute"]),
  id: z.string(),
  answerId: z.string(),
  versionId: z.string(),
  at: col.date,
  by: z.string(),
  text: z.string(),
  verdict: z.string().nullable(),
  grade: z.enum(["correct", "partial", "incorrect"]).nullable(),
  comments: col.int,
  overrides: col.int,
  disputes: col.int,
});

/**
 * Mentors' comments, grade overrides and dispute rulings on the candidate's answers that the candidate has not opened,
 * newest first. A dispute's row is keyed by its answer (one dispute per answer); its text is the reply, its verdict
 * the resolution. An override that settled a dispute is one act of the mentor's, so it is told once: as the ruling,
 * with the grade it set (`grade`), not as a ruling and a grade change.
 */
export async function unreadFeedback(prisma: Prisma, userId: string, limit: number) {
  const user = sql`${userId}::uuid`;
  const rows = await queryRows(
    prisma,
    sql`SELECT kind, id, "answerId", "versionId", at, by, text, verdict, grade,
            count(*) FILTER (WHERE kind = 'comment') OVER () AS comments,
            count(*) FILTER (WHERE kind = 'override') OVER () AS overrides,
            count(*) FILTER (WHERE kind = 'dispute') OVER () AS disputes
       FROM (
         SELECT 'comment' AS kind, c.id, c."answerId", a."questionVersionId" AS "versionId", c."createdAt" AS at,
                u."displayName" AS by, c.body AS text, NULL::text AS verdict, NULL::text AS grade
           FROM "Comment" c JOIN "Answer" a ON a.id = c."answerId" JOIN "User" u ON u.id = c."authorId"
          WHERE a."userId" = ${user} AND c."readAt" IS NULL AND c."authorId" <> ${user}
         UNION ALL
         SELECT 'override', g.id, g."answerId", a."questionVersionId", g."createdAt", u."displayName", g.reason, g.verdict,
                NULL::text
           FROM "GradeOverride" g JOIN "Answer" a ON a.id = g."answerId" JOIN "User" u ON u.id = g."mentorId"
          WHERE a."userId" = ${user} AND g."readAt" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "Dispute" s WHERE s."overrideId" = g.id)
         UNION ALL
         SELECT 'dispute', d."answerId", d."answerId", a."questionVersionId", d."resolvedAt",
                COALESCE(u."displayName", 'A mentor'),
                COALESCE(d.reply, ''), d.resolution,
                (SELECT g.verdict FROM "GradeOverride" g WHERE g.id = d."overrideId")
           FROM "Dispute" d JOIN "Answer" a ON a.id = d."answerId" LEFT JOIN "User" u ON u.id = d."resolvedById"
          WHERE a."userId" = ${user} AND d."resolvedAt" IS NOT NULL AND d."readAt" IS NULL
       ) x
      ORDER BY at DESC, id
      LIMIT ${limit}`,
    unreadRow,
  );
  return {
    comments: rows[0]?.comments ?? 0,
    overrides: rows[0]?.overrides ?? 0,
    disputes: rows[0]?.disputes ?? 0,
    items: rows,
  };
}
