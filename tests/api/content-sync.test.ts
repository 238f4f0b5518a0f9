import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromPglite, MIGRATIONS_DIR, type Database } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import type { BankQuestion, ContentBank } from "../../server/src/content/load.ts";
import { syncContent } from "../../server/src/content/sync.ts";
import { bank } from "../setup/test-app.ts";

function edited(b: ContentBank, slug: string, change: (q: BankQuestion) => BankQuestion): ContentBank {
  return { ...b, questions: b.questions.map((q) => (q.slug === slug ? change(q) : q)) };
}

describe("content sync", () => {
  let db: Database;
  beforeEach(async () => {
    db = await fromPglite(new PGlite());
    await migrate(db.sql, readMigrations(MIGRATIONS_DIR));
  });
  afterEach(() => db.close());

  it("when the same content is synced twice, then the second sync writes nothing", async () => {
    const first = await syncContent(db.prisma, bank());
    expect(first.created).toBe(bank().questions.length);
    expect(first.flashcardsChanged).toBe(bank().flashcards.length);
    const second = await syncContent(db.prisma, bank());
    expect(second).toEqual({ created: 0, newVersions: 0, retired: 0, flashcardsChanged: 0, flashcardsRetired: 0 });
    expect(await db.prisma.questionVersion.count()).toBe(bank().questions.length);
  });

  it("when a question is edited, then it gets version 2 and an answer given before stays on version 1", async () => {
    await syncContent(db.prisma, bank());
    const user = await db.prisma.user.create({
      data: { email: "v@x.io", passwordHash: "x", displayName: "V", role: "candidate" },
    });
    const q = await db.prisma.question.findUniqueOrThrow({
      where: { slug: "scenario-backfill" },
      include: { currentVersion: true },
    });
    const answer = await db.prisma.answer.create({
      data: {
        userId: user.id,
        questionId: q.id,
        questionVersionId: q.currentVersionId!,
        source: "practice",
        response: "Spark",
        grade: {},
        verdict: "partial",
        score: 0.5,
      },
    });

    const report = await syncContent(
      db.prisma,
      edited(bank(), "scenario-backfill", (x) => ({ ...x, prompt: `${x.prompt} (edited)` })),
    );
    expect(report.newVersions).toBe(1);
    const after = await db.prisma.question.findUniqueOrThrow({
      where: { slug: "scenario-backfill" },
      include: { currentVersion: true },
    });
    expect(after.currentVersion!.version).toBe(2);
    expect((after.currentVersion!.body as { prompt: string }).prompt).toMatch(/\(edited\)$/);
    const kept = await db.prisma.answer.findUniqueOrThrow({
      where: { id: answer.id },
      include: { questionVersion: true },
    });
    expect(kept.questionVersion.version).toBe(1);
    expect((kept.questionVersion.body as { prompt: string }).prompt).not.toMatch(/edited/);
  });

  it("when a question leaves the content, then it is retired, its history kept, and it comes back if restored", async () => {
    await syncContent(db.prisma, bank());
    const without = { ...bank(), questions: bank().questions.filter((q) => q.slug !== "arch-kappa") };
    expect((await syncContent(db.prisma, without)).retired).toBe(1);
    const retired = await db.prisma.question.findUniqueOrThrow({ where: { slug: "arch-kappa" } });
    expect(retired.retiredAt).not.toBeNull();
    expect(await db.prisma.questionVersion.count({ where: { questionId: retired.id } })).toBe(1);
    await syncContent(db.prisma, bank());
    expect((await db.prisma.question.findUniqueOrThrow({ where: { slug: "arch-kappa" } })).retiredAt).toBeNull();
  });

  it("when the sync fails part-way, then nothing of it is applied", async () => {
    await syncContent(db.prisma, bank());
    const broken = edited(bank(), "arch-lambda", (x) => ({ ...x, prompt: "changed prompt text" }));
    // A flashcard whose text the database refuses (NUL byte) makes the transaction fail after the question edit.
    broken.flashcards = [...broken.flashcards, { ...broken.flashcards[0]!, slug: "bad-card", front: "bad\u0000front" }];
    await expect(syncContent(db.prisma, broken)).rejects.toThrow();
    const q = await db.prisma.question.findUniqueOrThrow({
      where: { slug: "arch-lambda" },
      include: { currentVersion: true },
    });
    expect(q.currentVersion!.version).toBe(1);
    expect(await db.prisma.flashcard.count({ where: { slug: "bad-card" } })).toBe(0);
  });
});
