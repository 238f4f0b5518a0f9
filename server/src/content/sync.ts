import { createHash } from "node:crypto";
import type { Prisma } from "../db/index.ts";
import type { BankQuestion, ContentBank } from "./load.ts";
import {
  addVersion,
  createQuestion,
  flashcardsBySlug,
  inSyncTransaction,
  questionsBySlug,
  retireFlashcardsExcept,
  retireQuestionsExcept,
  saveFlashcard,
  unretireQuestion,
  type QuestionType,
} from "./repo.ts";

export interface SyncReport {
  created: number;
  newVersions: number;
  retired: number;
  flashcardsChanged: number;
  flashcardsRetired: number;
}

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

export const dbQuestionType = (type: BankQuestion["type"]) => type.replace("-", "_") as QuestionType;

/** What a version stores: the question as authored plus its resolved rubric, so old grades stay explainable. */
function versionBody(question: BankQuestion): Record<string, unknown> {
  const { file: _file, ...body } = question;
  return body;
}

/**
 * Brings the database in step with the content, in one transaction: new slugs are created, edited questions get
 * a new version (answers keep theirs), removed ones are retired but never deleted. Unchanged content writes nothing.
 */
export async function syncContent(prisma: Prisma, bank: ContentBank): Promise<SyncReport> {
  return inSyncTransaction(prisma, async (tx) => {
    const report: SyncReport = { created: 0, newVersions: 0, retired: 0, flashcardsChanged: 0, flashcardsRetired: 0 };
    const existing = await questionsBySlug(tx);

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
        if (current.retiredAt) await unretireQuestion(tx, current.id);
        continue;
      }
      const q = current ?? (await createQuestion(tx, question.slug, columns));
      await addVersion(tx, q.id, { version: (current?.currentVersion?.version ?? 0) + 1, contentHash, body }, columns);
      if (current) report.newVersions++;
      else report.created++;
    }
    report.retired = await retireQuestionsExcept(
      tx,
      bank.questions.map((q) => q.slug),
      new Date(),
    );

    const cards = await flashcardsBySlug(tx);
    for (const card of bank.flashcards) {
      const { file: _file, ...data } = card;
      const contentHash = hashOf(data);
      const known = cards.get(card.slug);
      if (known && known.contentHash === contentHash && !known.retiredAt) continue;
      await saveFlashcard(tx, card.slug, {
        section: data.section,
        front: data.front,
        back: data.back,
        hint: data.hint ?? null,
        tags: data.tags,
        contentHash,
        retiredAt: null,
      });
      report.flashcardsChanged++;
    }
    report.flashcardsRetired = await retireFlashcardsExcept(
      tx,
      bank.flashcards.map((c) => c.slug),
      new Date(),
    );
    return report;
  });
}
