import { z } from "zod";
import { type Prisma, type Tx, type Prepared, type SqlStatements } from "../db/index.ts";
import { dbQuestionType } from "../content/index.ts";
import type { VersionBody } from "./present.ts";

export interface QuestionFilter {
  section?: string[];
  type?: VersionBody["type"][];
  difficulty?: string[];
  tag?: string;
  /** Slugs left out (follow-ups the caller has not unlocked). */
  excludeSlugs?: string[];
  /** Only these question ids (a search's matches). */
  onlyIds?: string[];
  /** Question ids left out (the caller's solved ones, for "unsolved"). */
  excludeIds?: string[];
}

/** An active question and its current version, without the body (which comes from the app's VersionBodies). */
export interface ActiveQuestionRow {
  id: string;
  versionId: string;
  version: number;
}

const whereActive = (f: QuestionFilter) => ({
  retiredAt: null,
  ...(f.section ? { section: { in: f.section } } : {}),
  ...(f.type ? { type: { in: f.type.map(dbQuestionType) } } : {}),
  ...(f.difficulty ? { difficulty: { in: f.difficulty } } : {}),
  ...(f.tag ? { tags: { has: f.tag } } : {}),
  ...(f.excludeSlugs?.length ? { slug: { notIn: f.excludeSlugs } } : {}),
  ...(f.onlyIds || f.excludeIds?.length
    ? { id: { ...(f.onlyIds ? { in: f.onlyIds } : {}), ...(f.excludeIds?.length ? { notIn: f.excludeIds } : {}) } }
    : {}),
});

export async function activeQuestionRows(db: Prisma, filter: QuestionFilter, page: { skip: number; take: number }) {
  const where = whereActive(filter);
  const [rows, total] = await Promise.all([
    db.question.findMany({
      where,
      select: { id: true, currentVersion: { select: { id: true, version: true } } },
      orderBy: [{ section: "asc" }, { slug: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.question.count({ where }),
  ]);
  const items: ActiveQuestionRow[] = rows.map((q) => ({
    id: q.id,
    versionId: q.currentVersion!.id,
    version: q.currentVersion!.version,
  }));
  return { items, total };
}

/** The current version of every active question (to compile their rubrics ahead of the first answer). */
export async function activeVersionIds(db: Prisma): Promise<string[]> {
  const rows = await db.question.findMany({ where: { retiredAt: null }, select: { currentVersionId: true } });
  return rows.flatMap((r) => (r.currentVersionId ? [r.currentVersionId] : []));
}

const ACTIVE_BY_SLUG: Prepared = {
  name: "question-active-by-slug",
  text: `SELECT q.id, v.id AS "versionId", v.version
    FROM "Question" q JOIN "QuestionVersion" v ON v.id = q."currentVersionId"
    WHERE q.slug = $1 AND q."retiredAt" IS NULL`,
};

const activeRow = z.object({ id: z.string(), versionId: z.string(), version: z.number() });

/** One active question's current version: a prepared statement, as every practice check and question view reads one. */
export async function activeBySlug(sql: SqlStatements, slug: string): Promise<ActiveQuestionRow | undefined> {
  const [row] = await sql.query(ACTIVE_BY_SLUG, [slug], activeRow);
  return row;
}

// Title and prompt live in the version body (JSON), out of reach of Prisma's string filters. strpos rather than LIKE,
// so a typed % or _ is only a character.
const MATCHING_IDS: Prepared = {
  name: "question-ids-matching-words",
  text: `SELECT q.id
    FROM "Question" q JOIN "QuestionVersion" v ON v.id = q."currentVersionId"
    WHERE q."retiredAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM unnest($1::text[]) AS w(word)
        WHERE strpos(lower(coalesce(v.body->>'title', '') || ' ' || (v.body->>'prompt')), w.word) = 0)`,
};

/** Ids of the active questions whose current title or prompt contains every one of `words` (lower case). */
export async function idsMatchingWords(sql: SqlStatements, words: readonly string[]): Promise<string[]> {
  const rows = await sql.query(MATCHING_IDS, [words], z.object({ id: z.string() }));
  return rows.map((r) => r.id);
}

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

const progressRow = z.object({ questionId: z.string(), solved: z.boolean() });

/** Per question the user answered, whether any of their answers to it is correct. */
export async function solvedByQuestion(sql: SqlStatements, userId: string) {
  return sql.query(USER_PROGRESS, [userId], progressRow);
}

/** Which of `slugs` the user has answered at least once, in practice or in a round. */
export async function answeredSlugs(
  db: Prisma | Tx,
  userId: string | undefined,
  slugs: readonly string[],
): Promise<Set<string>> {
  if (!userId || slugs.length === 0) return new Set();
  const rows = await db.question.findMany({
    where: { slug: { in: [...new Set(slugs)] }, answers: { some: { userId } } },
    select: { slug: true },
  });
  return new Set(rows.map((r) => r.slug));
}
