import { z } from "zod";
import { type Prisma, col, queryRows, sql } from "../db/index.ts";
import { DEFAULT_TIME_BUDGET, titleOf } from "../questions/index.ts";
import type { ChoiceCount } from "./decision-matrix.ts";
import { RECENT_ANSWERS, type ScoredAnswer } from "./mastery.ts";
import type { QuestionTime } from "./time-budget.ts";

export type StoredChoice = ChoiceCount & { versionId: string };

// The latest override's score, if any: the effective score. Applied only after rows are narrowed down.
const EFFECTIVE = sql`COALESCE((SELECT g.score FROM "GradeOverride" g WHERE g."answerId" = t.id ORDER BY g."createdAt" DESC LIMIT 1), t.score)`;

/** The progress queries of one candidate (exported so the benchmark can EXPLAIN exactly these). */
export const progressSql = (userId: string) => {
  const user = sql`${userId}::uuid`;
  return {
    // Per section, walk the candidate's answers newest first (the userId/submittedAt index) and stop at RECENT_ANSWERS.
    recent: sql`SELECT s.section, ${EFFECTIVE} AS score, t."submittedAt"
       FROM (SELECT DISTINCT section FROM "Question") s
       CROSS JOIN LATERAL (
             SELECT a.id, a.score, a."submittedAt"
               FROM "Answer" a
              WHERE a."userId" = ${user}
                AND a."questionId" IN (SELECT q.id FROM "Question" q WHERE q.section = s.section)
              ORDER BY a."submittedAt" DESC, a.id DESC
              LIMIT ${RECENT_ANSWERS}) t`,
    // Lateral per round, so each round's questions come from the (roundId, position) index.
    rounds: (limit: number) => sql`SELECT r.id, r."startedAt", s.questions, s.answered, s.total
       FROM (SELECT id, "startedAt" FROM "Round" WHERE "userId" = ${user} AND status <> 'open' ORDER BY "startedAt" DESC LIMIT ${limit}) r
       CROSS JOIN LATERAL (
             SELECT count(rq.id) AS questions, count(t.id) AS answered, COALESCE(sum(${EFFECTIVE}), 0) AS total
               FROM "RoundQuestion" rq LEFT JOIN "Answer" t ON t."roundQuestionId" = rq.id
              WHERE rq."roundId" = r.id) s
      ORDER BY r."startedAt" ASC`,
    // Per question version, since a choice question's picks only mean an option through that version's mapping.
    choices: sql`SELECT a."questionVersionId" AS "versionId", a.grade->'choice'->'expected' AS expected,
            a.grade->'choice'->'committed' AS committed, count(*) AS n
       FROM "Answer" a
      WHERE a."userId" = ${user} AND a.grade->'choice' IS NOT NULL
      GROUP BY 1, 2, 3`,
    times: sql`SELECT q.slug, q.section, q.type::text AS type, count(*) AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a."timeSpentSeconds") AS median,
            v.body->'timeBudgetSeconds' AS budget, v.body->>'title' AS title, v.body->>'prompt' AS prompt
       FROM "Answer" a
       JOIN "Question" q ON q.id = a."questionId"
       LEFT JOIN "QuestionVersion" v ON v.id = q."currentVersionId"
      WHERE a."userId" = ${user} AND a."timeSpentSeconds" IS NOT NULL
      GROUP BY q.id, v.id`,
  };
};

export async function recentBySection(prisma: Prisma, userId: string): Promise<ScoredAnswer[]> {
  return queryRows(
    prisma,
    progressSql(userId).recent,
    z.object({ section: z.string(), score: col.num, submittedAt: col.date }),
  );
}

export async function roundScores(prisma: Prisma, userId: string, limit = 50) {
  const rows = await queryRows(
    prisma,
    progressSql(userId).rounds(limit),
    z.object({ id: z.string(), startedAt: col.date, questions: col.int, answered: col.int, total: col.num }),
  );
  return rows.map((r) => ({
    roundId: r.id,
    startedAt: r.startedAt.toISOString(),
    questions: r.questions,
    answered: r.answered,
    // Unanswered questions count as 0, as on the round's results page.
    score: r.questions === 0 ? 0 : Math.round((r.total / r.questions) * 1000) / 1000,
  }));
}

const optionIds = col.json(z.array(z.string()).nullable()).transform((v) => v ?? []);

export async function choiceCounts(prisma: Prisma, userId: string): Promise<StoredChoice[]> {
  const rows = await queryRows(
    prisma,
    progressSql(userId).choices,
    z.object({ versionId: z.string(), expected: optionIds, committed: optionIds, n: col.int }),
  );
  return rows.map((r) => ({ versionId: r.versionId, expected: r.expected, committed: r.committed, count: r.n }));
}

const timeRow = z.object({
  slug: z.string(),
  section: z.string(),
  type: z.string(),
  n: col.int,
  median: col.num,
  budget: col.json(z.number().nullable()).nullable(),
  title: z.string().nullable(),
  prompt: z.string().nullable(),
});

export async function questionTimes(prisma: Prisma, userId: string): Promise<QuestionTime[]> {
  const rows = await queryRows(prisma, progressSql(userId).times, timeRow);
  return rows.map((r) => {
    const type = r.type.replace("_", "-") as keyof typeof DEFAULT_TIME_BUDGET;
    const budget = r.budget ?? DEFAULT_TIME_BUDGET[type];
    const title = r.prompt === null ? r.slug : titleOf({ title: r.title ?? undefined, prompt: r.prompt });
    return {
      slug: r.slug,
      title,
      section: r.section,
      answers: r.n,
      medianSeconds: Math.round(r.median),
      budgetSeconds: budget,
    };
  });
}
