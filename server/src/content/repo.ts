import { type Prisma, type Tx, execute, sql } from "../db/index.ts";

// Serialises concurrent start-ups so two processes never race to write the same new version.
const SYNC_LOCK = 72707370;

export type QuestionType = "single_choice" | "multi_choice" | "free_text";

export interface QuestionColumns {
  section: string;
  type: QuestionType;
  difficulty: string;
  tags: string[];
  retiredAt: null;
}

export interface FlashcardColumns {
  section: string;
  front: string;
  back: string;
  hint: string | null;
  tags: string[];
  contentHash: string;
  retiredAt: null;
}

/** Runs `work` in one transaction that holds the content-sync lock. */
export function inSyncTransaction<T>(prisma: Prisma, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await execute(tx, sql`SELECT pg_advisory_xact_lock(${SYNC_LOCK}::bigint)`);
      return work(tx);
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/** Every question with the version it is at, by slug. */
export async function questionsBySlug(tx: Tx) {
  const rows = await tx.question.findMany({
    select: { id: true, slug: true, retiredAt: true, currentVersion: { select: { version: true, contentHash: true } } },
  });
  return new Map(rows.map((q) => [q.slug, q]));
}

export async function unretireQuestion(tx: Tx, id: string): Promise<void> {
  await tx.question.update({ where: { id }, data: { retiredAt: null } });
}

export const createQuestion = (tx: Tx, slug: string, columns: QuestionColumns) =>
  tx.question.create({ data: { slug, ...columns } });

/** Adds a version and makes it the question's current one. */
export async function addVersion(
  tx: Tx,
  questionId: string,
  version: { version: number; contentHash: string; body: Record<string, unknown> },
  columns: QuestionColumns,
): Promise<void> {
  const created = await tx.questionVersion.create({ data: { questionId, ...version, body: version.body as object } });
  await tx.question.update({ where: { id: questionId }, data: { ...columns, currentVersionId: created.id } });
}

/** Retires every question not in `slugs`; how many were. */
export async function retireQuestionsExcept(tx: Tx, slugs: string[], now: Date): Promise<number> {
  return (
    await tx.question.updateMany({ where: { slug: { notIn: slugs }, retiredAt: null }, data: { retiredAt: now } })
  ).count;
}

export async function flashcardsBySlug(tx: Tx) {
  const rows = await tx.flashcard.findMany({ select: { slug: true, contentHash: true, retiredAt: true } });
  return new Map(rows.map((c) => [c.slug, c]));
}

export async function saveFlashcard(tx: Tx, slug: string, fields: FlashcardColumns): Promise<void> {
  await tx.flashcard.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
}

export async function retireFlashcardsExcept(tx: Tx, slugs: string[], now: Date): Promise<number> {
  return (
    await tx.flashcard.updateMany({ where: { slug: { notIn: slugs }, retiredAt: null }, data: { retiredAt: now } })
  ).count;
}
