import type { Prisma } from "../db/database.ts";
import { dbQuestionType } from "../content/sync.ts";
import type { VersionBody } from "./present.ts";
import { versionBodies } from "./version-bodies.ts";

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
}

const whereActive = (f: QuestionFilter) => ({
  retiredAt: null,
  ...(f.section ? { section: { in: f.section } } : {}),
  ...(f.type ? { type: { in: f.type.map(dbQuestionType) } } : {}),
  ...(f.difficulty ? { difficulty: { in: f.difficulty } } : {}),
  ...(f.tag ? { tags: { has: f.tag } } : {}),
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

export async function findActive(prisma: Prisma, slug: string): Promise<ActiveQuestion | undefined> {
  const q = await prisma.question.findFirst({ where: { slug, retiredAt: null }, select: { id: true, currentVersion } });
  return q ? (await withBodies(prisma, [q]))[0] : undefined;
}
