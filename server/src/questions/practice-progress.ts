import type { SqlRunner } from "../db/index.ts";
import { solvedByQuestion } from "./repo.ts";

export type QuestionProgress = "attempted" | "solved";

/**
 * Per question id, how far one user got with it across practice and rounds. All of their questions at once: the
 * "unsolved" filter needs the solved ones before the page is chosen, and the bank is small.
 */
export async function practiceProgress(sql: SqlRunner, userId: string): Promise<Map<string, QuestionProgress>> {
  const rows = await solvedByQuestion(sql, userId);
  return new Map(rows.map((r) => [r.questionId, r.solved ? "solved" : "attempted"]));
}

export const solvedIds = (progress: ReadonlyMap<string, QuestionProgress>): string[] =>
  [...progress].filter(([, p]) => p === "solved").map(([id]) => id);
