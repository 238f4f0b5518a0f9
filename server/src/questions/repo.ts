import type { Prisma, Tx } from "../db/database.ts";
import type { Prepared, SqlRunner } from "../db/sql-runner.ts";
import { dbQuestionType } from "../content/sync.ts";
import type { VersionBody } from "./present.ts";
import { versionBodies, versionBody } from "./version-bodies.ts";

export interface ActiveQuestion {
  id: string;
  versionId: string;
  version: number;
  body: VersionBody;
}

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

const currentVersion = { select: { id: true, version: true } } as const;

type Row = { id: string; currentVersion: { id: string; version: number } | null };

async function withBodies(prisma: Prisma, rows: Row[]): Promise<ActiveQuestion[]> {
  const bodies = await versionBodies(prisma, rows.map((q) => q.currentVersion!.id));
  return rows.map((q) => ({
    id: q.id,
    versionId: q.currentVersion!.id,
    version: q.currentVersion!.version,
    body: bodies.get(q.currentVersion!.id)!,
  }));
}

export async function listActive(prisma: Prisma, filter: QuestionFilter, page: { skip: number; take: number }) {
  const where = whereActive(filter);
  const [rows, total] = await Promise.all([
    prisma.question.findMany({
      where,
      select: { id: true, currentVersion },
      orderBy: [{ section: "asc" }, { slug: "asc" }],
      skip: page.skip,
      take: page.take,
    }),
    prisma.question.count({ where }),
  ]);
  return { items: await withBodies(prisma, rows), total };
}

const ACTIVE_BY_SLUG: Prepared = {
  name: "question-active-by-slug",
  text: `SELECT q.id, v.id AS "versionId", v.version
    FROM "Question" q JOIN "QuestionVersion" v ON v.id = q."currentVersionId"
    WHERE q.slug = $1 AND q."retiredAt" IS NULL`,
};

/** One active question and its current version (the body from the cache of immutable versions). */
export async function findActive(db: { prisma: Prisma; sql: SqlRunner }, slug: string): Promise<ActiveQuestion | undefined> {
  const [row] = await db.sql.query<{ id: string; versionId: string; version: number }>(ACTIVE_BY_SLUG, [slug]);
  return row && { ...row, body: await versionBody(db.prisma, row.versionId) };
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
export async function idsMatchingWords(sql: SqlRunner, words: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(MATCHING_IDS, [words]);
  return rows.map((r) => r.id);
}

/** Which of `slugs` the user has answered at least once, in practice or in a round. */
export async function answeredSlugs(db: Prisma | Tx, userId: string | undefined, slugs: readonly string[]): Promise<Set<string>> {
  if (!userId || slugs.length === 0) return new Set();
  const rows = await db.question.findMany({
    where: { slug: { in: [...new Set(slugs)] }, answers: { some: { userId } } },
    select: { slug: true },
  });
  return new Set(rows.map((r) => r.slug));
}
