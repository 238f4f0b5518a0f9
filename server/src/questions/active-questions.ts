import { type Prisma, type SqlRunner } from "../db/index.ts";
import type { VersionBody } from "./present.ts";
import { activeBySlug, activeQuestionRows, type ActiveQuestionRow, type QuestionFilter } from "./repo.ts";
import type { VersionBodies } from "./version-bodies.ts";

export interface ActiveQuestion extends ActiveQuestionRow {
  body: VersionBody;
}

async function withBodies(
  deps: { prisma: Prisma; versionBodies: VersionBodies },
  rows: ActiveQuestionRow[],
): Promise<ActiveQuestion[]> {
  const bodies = await deps.versionBodies.many(
    deps.prisma,
    rows.map((q) => q.versionId),
  );
  return rows.map((q) => ({ ...q, body: bodies.get(q.versionId)! }));
}

/** A page of the active questions matching `filter`, each with its current version's body. */
export async function listActive(
  deps: { prisma: Prisma; versionBodies: VersionBodies },
  filter: QuestionFilter,
  page: { skip: number; take: number },
) {
  const { items, total } = await activeQuestionRows(deps.prisma, filter, page);
  return { items: await withBodies(deps, items), total };
}

/** One active question and its current version (the body from the cache of immutable versions). */
export async function findActive(
  deps: { prisma: Prisma; sql: SqlRunner; versionBodies: VersionBodies },
  slug: string,
): Promise<ActiveQuestion | undefined> {
  const row = await activeBySlug(deps.sql, slug);
  return row && { ...row, body: await deps.versionBodies.one(deps.prisma, row.versionId) };
}
