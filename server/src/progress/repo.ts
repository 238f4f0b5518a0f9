import type { Prisma } from "../db/database.ts";
import { DEFAULT_TIME_BUDGET, titleOf } from "../questions/present.ts";
import type { ChoiceCount } from "./decision-matrix.ts";

export type StoredChoice = ChoiceCount & { versionId: string };
import { RECENT_ANSWERS, type ScoredAnswer } from "./mastery.ts";
import type { QuestionTime } from "./time-budget.ts";

// The latest override's score, if any: the effective score. Applied only after rows are narrowed down.
const EFFECTIVE = `COALESCE((SELECT g.score FROM "GradeOverride" g WHERE g."answerId" = t.id ORDER BY g."createdAt" DESC LIMIT 1), t.score)`;

/** The progress queries (exported so the benchmark can EXPLAIN exactly these). $1 is the candidate's id. */
export const PROGRESS_SQL = {
  // Per section, walk the candidate's answers newest first (the userId/submittedAt index) and stop at RECENT_ANSWERS.
  recent: `SELECT s.section, ${EFFECTIVE} AS score, t."submittedAt"
       FROM (SELECT DISTINCT section FROM "Question") s
       CROSS JOIN LATERAL (
             SELECT a.id, a.score, a."submittedAt"
               FROM "Answer" a
              WHERE a."userId" = $1::uuid
                AND a."questionId" IN (SELECT q.id FROM "Question" q WHERE q.section = s.section)
              ORDER BY a."submittedAt" DESC, a.id DESC
              LIMIT ${RECENT_ANSWERS}) t`,
  // Lateral per round, so each round's questions come from the (roundId, position) index.
  rounds: (limit: number) => `SELECT r.id, r."startedAt", s.questions, s.answered, s.total
       FROM (SELECT id, "startedAt" FROM "Round" WHERE "userId" = $1::uuid AND status <> 'open' ORDER BY "startedAt" DESC LIMIT ${limit}) r
       CROSS JOIN LATERAL (
             SELECT count(rq.id) AS questions, count(t.id) AS answered, COALESCE(sum(${EFFECTIVE}), 0) AS total
               FROM "RoundQuestion" rq LEFT JOIN "Answer" t ON t."roundQuestionId" = rq.id
              WHERE rq."roundId" = r.id) s
      ORDER BY r."startedAt" ASC`,
  // Per question version, since a choice question's picks only mean an option through that version's mapping.
  choices: `SELECT a."questionVersionId" AS "versionId", a.grade->'choice'->'expected' AS expected,
            a.grade->'choice'->'committed' AS committed, count(*) AS n
       FROM "Answer" a
      WHERE a."userId" = $1::uuid AND a.grade->'choice' IS NOT NULL
      GROUP BY 1, 2, 3`,
  times: `SELECT q.slug, q.section, q.type::text AS type, count(*) AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a."timeSpentSeconds") AS median,
            v.body->'timeBudgetSeconds' AS budget, v.body->>'title' AS title, v.body->>'prompt' AS prompt
       FROM "Answer" a
       JOIN "Question" q ON q.id = a."questionId"
       LEFT JOIN "QuestionVersion" v ON v.id = q."currentVersionId"
      WHERE a."userId" = $1::uuid AND a."timeSpentSeconds" IS NOT NULL
      GROUP BY q.id, v.id`,
};

export async function recentBySection(prisma: Prisma, userId: string): Promise<ScoredAnswer[]> {
  const rows = await prisma.$queryRawUnsafe<{ section: string; score: number; submittedAt: Date }[]>(
    PROGRESS_SQL.recent,
    userId,
  );
  return rows.map((r) => ({ section: r.section, score: Number(r.score), submittedAt: new Date(r.submittedAt) }));
}

export async function roundScores(prisma: Prisma, userId: string, limit = 50) {
  const rows = await prisma.$queryRawUnsafe<{ id: string; startedAt: Date; questions: bigint | number; answered: bigint | number; total: number }[]>(
    PROGRESS_SQL.rounds(limit),
    userId,
  );
  return rows.map((r) => ({
    roundId: r.id,
    startedAt: new Date(r.startedAt).toISOString(),
    questions: Number(r.questions),
    answered: Number(r.answered),
    // Unanswered questions count as 0, as on the round's results page.
    score: Number(r.questions) === 0 ? 0 : Math.round((Number(r.total) / Number(r.questions)) * 1000) / 1000,
  }));
}

const toArray = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? (JSON.parse(v) as string[]) : []);

export async function choiceCounts(prisma: Prisma, userId: string): Promise<StoredChoice[]> {
  type Row = { versionId: string; expected: unknown; committed: unknown; n: bigint | number };
  const rows = await prisma.$queryRawUnsafe<Row[]>(PROGRESS_SQL.choices, userId);
  return rows.map((r) => ({
    versionId: r.versionId,
    expected: toArray(r.expected),
    committed: toArray(r.committed),
    count: Number(r.n),
  }));
}

export async function questionTimes(prisma: Prisma, userId: string): Promise<QuestionTime[]> {
  const rows = await prisma.$queryRawUnsafe<{ slug: string; section: string; type: string; n: bigint | number; median: number; budget: unknown; title: string | null; prompt: string | null }[]>(
    PROGRESS_SQL.times,
    userId,
  );
  return rows.map((r) => {
    const type = r.type.replace("_", "-") as keyof typeof DEFAULT_TIME_BUDGET;
    const budget = typeof r.budget === "number" ? r.budget : Number(r.budget) || DEFAULT_TIME_BUDGET[type];
    const title = r.prompt === null ? r.slug : titleOf({ title: r.title ?? undefined, prompt: r.prompt });
    return { slug: r.slug, title, section: r.section, answers: Number(r.n), medianSeconds: Math.round(Number(r.median)), budgetSeconds: budget };
  });
}
