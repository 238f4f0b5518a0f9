import type { Prepared, SqlRunner } from "../db/sql-runner.ts";

export type QuestionProgress = "attempted" | "solved";

// A mentor's latest override is the answer's verdict, as in history and progress.
const USER_PROGRESS: Prepared = {
  name: "question-progress-of-user",
  text: `SELECT a."questionId",
      bool_or(COALESCE(
        (SELECT g.verdict FROM "GradeOverride" g WHERE g."answerId" = a.id ORDER BY g."createdAt" DESC LIMIT 1),
        a.verdict) = 'correct') AS solved
    FROM "Answer" a
    WHERE a."userId" = $1::uuid
    GROUP BY a."questionId"`,
};

/**
 * Per question id, how far one user got with it across practice and rounds. All of their questions at once: the
 * "unsolved" filter needs the solved ones before the page is chosen, and the bank is small.
 */
export async function practiceProgress(sql: SqlRunner, userId: string): Promise<Map<string, QuestionProgress>> {
  const rows = await sql.query<{ questionId: string; solved: boolean }>(USER_PROGRESS, [userId]);
  return new Map(rows.map((r) => [r.questionId, r.solved ? "solved" : "attempted"]));
}

export const solvedIds = (progress: ReadonlyMap<string, QuestionProgress>): string[] =>
  [...progress].filter(([, p]) => p === "solved").map(([id]) => id);
