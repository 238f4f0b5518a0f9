import { createHash } from "node:crypto";
import type { Prisma } from "../db/database.ts";
import type { BankQuestion, ContentBank } from "./load.ts";

export interface SyncReport {
  created: number;
  newVersions: number;
  retired: number;
  flashcardsChanged: number;
  flashcardsRetired: number;
}

// Serialises concurrent start-ups so two processes never race to write the same new version.
const SYNC_LOCK = 72707370;

/** Key order must not change the hash, or every restart would mint new versions. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const hashOf = (value: unknown) => createHash("sha256").update(stableJson(value)).digest("hex");

export const dbQuestionType = (type: BankQuestion["type"]) =>
  type.replace("-", "_") as "single_choice" | "multi_choice" | "free_text";

/** What a version stores: the question as authored plus its resolved rubric, so old grades stay explainable. */
export function versionBody(question: BankQuestion): Record<string, unknown> {
  const { file: _file, ...body } = question;
  return body;
}

/**
 * Brings the database in step with the content, in one transaction: new slugs are created, edited questions get
 * a new version (answers keep theirs), removed ones are retired but never deleted. Unchanged content writes nothing.
 */
export async function syncContent(prisma: Prisma, bank: ContentBank): Promise<SyncReport> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SYNC_LOCK})`);
      const report: SyncReport = { created: 0, newVersions: 0, retired: 0, flashcardsChanged: 0, flashcardsRetired: 0 };
      const existing = new Map(
        (
          await tx.question.findMany({
            select: { id: true, slug: true, retiredAt: true, currentVersion: { select: { version: true, contentHash: true } } },
          })
        ).map((q) => [q.slug, q]),
      );

      for (const question of bank.questions) {
        const body = versionBody(question);
        const contentHash = hashOf(body);
        const columns = {
          section: question.section,
          type: dbQuestionType(question.type),
          difficulty: question.difficulty,
          tags: question.tags,
          retiredAt: null,
        };
        const current = existing.get(question.slug);
        if (current?.currentVersion?.contentHash === contentHash) {
          if (current.retiredAt) await tx.question.update({ where: { id: current.id }, data: { retiredAt: null } });
          continue;
        }
        const q = current ?? (await tx.question.create({ data: { slug: question.slug, ...columns } }));
        const version = await tx.questionVersion.create({
          data: { questionId: q.id, version: (current?.currentVersion?.version ?? 0) + 1, contentHash, body: body as object },
        });
        await tx.question.update({ where: { id: q.id }, data: { ...columns, currentVersionId: version.id } });
        if (current) report.newVersions++;
        else report.created++;
      }

      const slugs = bank.questions.map((q) => q.slug);
      report.retired = (
        await tx.question.updateMany({ where: { slug: { notIn: slugs }, retiredAt: null }, data: { retiredAt: new Date() } })
      ).count;

      const cards = new Map((await tx.flashcard.findMany({ select: { slug: true, contentHash: true, retiredAt: true } })).map((c) => [c.slug, c]));
      for (const card of bank.flashcards) {
        const { file: _file, ...data } = card;
        const contentHash = hashOf(data);
        const known = cards.get(card.slug);
        if (known && known.contentHash === contentHash && !known.retiredAt) continue;
        const fields = { section: data.section, front: data.front, back: data.back, hint: data.hint ?? null, tags: data.tags, contentHash, retiredAt: null };
        await tx.flashcard.upsert({ where: { slug: card.slug }, create: { slug: card.slug, ...fields }, update: fields });
        report.flashcardsChanged++;
      }
      report.flashcardsRetired = (
        await tx.flashcard.updateMany({
          where: { slug: { notIn: bank.flashcards.map((c) => c.slug) }, retiredAt: null },
          data: { retiredAt: new Date() },
        })
      ).count;
      return report;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
