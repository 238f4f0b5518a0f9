import { z } from "zod";
import { type Prisma, type Tx, col, execute, join, queryRow, queryRows, sql, type Sql } from "../db/index.ts";
import type { ResolvedConcept, ResolvedMisconception } from "../grading/index.ts";
import { cardStateShape, type CardStateResponse, type Snapshot } from "./present.ts";
import type { QueueCandidate, SchedState } from "./schedule.ts";

type Db = Prisma | Tx;

const SCHED_COLUMNS = sql`c.id, c.kind::text AS kind, c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays",
  c."learningSteps", c.reps, c.lapses, c.state, c."lastReview", c."createdAt"`;

/**
 * Bank cards follow their flashcard, personal ones their question: retired content leaves the queue. `sections`
 * narrows the cards to those sections; null means every section.
 */
const activeContent = (sections: readonly string[] | null) => sql`CASE WHEN c.kind = 'bank'
    THEN EXISTS (SELECT 1 FROM "Flashcard" f WHERE f.id = c."flashcardId" AND f."retiredAt" IS NULL
                 AND (${sections}::text[] IS NULL OR f.section = ANY (${sections}::text[])))
    ELSE EXISTS (SELECT 1 FROM "Question" q WHERE q.id = c."questionId" AND q."retiredAt" IS NULL
                 AND (${sections}::text[] IS NULL OR q.section = ANY (${sections}::text[])))
  END`;

const notBuried = (now: Date) => sql`(c."buriedUntil" IS NULL OR c."buriedUntil" <= ${now.toISOString()}::timestamptz)`;

export interface DueWindow {
  now: Date;
  learnUntil: Date;
  reviewBefore: Date;
}

/** Cards already due (learning, relearning, review) — walks the (userId, suspended, state, due) index. */
export const dueQuery = (
  userId: string,
  at: DueWindow,
  sections: readonly string[] | null,
): Sql => sql`SELECT ${SCHED_COLUMNS}
FROM "Card" c
WHERE c."userId" = ${userId}::uuid AND c.suspended = false
  AND ((c.state IN (1, 3) AND c.due <= ${at.learnUntil.toISOString()}::timestamptz)
       OR (c.state = 2 AND c.due < ${at.reviewBefore.toISOString()}::timestamptz))
  AND ${notBuried(at.now)}
  AND ${activeContent(sections)}`;

/** The next new cards: personal before bank, oldest first. */
export const newQuery = (
  userId: string,
  now: Date,
  sections: readonly string[] | null,
  limit: number,
): Sql => sql`SELECT ${SCHED_COLUMNS}
FROM "Card" c
WHERE c."userId" = ${userId}::uuid AND c.suspended = false AND c.state = 0
  AND ${notBuried(now)}
  AND ${activeContent(sections)}
ORDER BY (c.kind = 'bank'), c."createdAt", c.id
LIMIT ${limit}`;

const candidateRow = z.object({
  id: z.string(),
  kind: z.enum(["bank", "missed"]),
  due: col.date,
  stability: col.num,
  difficulty: col.num,
  elapsedDays: col.int,
  scheduledDays: col.int,
  learningSteps: col.int,
  reps: col.int,
  lapses: col.int,
  state: col.int,
  lastReview: col.date.nullable(),
  createdAt: col.date,
}) satisfies z.ZodType<QueueCandidate>;

/**
 * Gives the user a `new` card for every bank flashcard they do not have yet, in one statement. The first condition
 * is evaluated once (an InitPlan): when the user already has a card for every flashcard — the usual case — nothing
 * else runs. Cards are made for retired flashcards too (the queue and stats skip those), so the counts can match.
 * ON CONFLICT makes concurrent calls safe. Bank cards are introduced in slug order (createdAt is spaced by 1 ms).
 */
export async function ensureBankCards(db: Db, userId: string, now: Date): Promise<number> {
  const user = sql`${userId}::uuid`;
  const at = sql`${now.toISOString()}::timestamptz`;
  return execute(
    db,
    sql`INSERT INTO "Card" (id, "userId", kind, "flashcardId", due, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), ${user}, 'bank'::"CardKind", f.id, ${at},
            ${at} + (row_number() OVER (ORDER BY f.slug)) * interval '1 millisecond', ${at}
     FROM "Flashcard" f
     WHERE (SELECT count(*) FROM "Card" c WHERE c."userId" = ${user} AND c."flashcardId" IS NOT NULL) < (SELECT count(*) FROM "Flashcard")
       AND NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."userId" = ${user} AND c."flashcardId" = f.id)
     ON CONFLICT ("userId", "flashcardId") DO NOTHING`,
  );
}

export function dueCandidates(
  db: Db,
  userId: string,
  at: DueWindow,
  sections: readonly string[] | null,
): Promise<QueueCandidate[]> {
  return queryRows(db, dueQuery(userId, at, sections), candidateRow);
}

export async function newCandidates(
  db: Db,
  userId: string,
  now: Date,
  sections: readonly string[] | null,
  limit: number,
): Promise<QueueCandidate[]> {
  if (limit <= 0) return [];
  return queryRows(db, newQuery(userId, now, sections, limit), candidateRow);
}

/** Cram: every card not suspended, buried or not, due or not — personal first, then oldest first. */
export async function cramCardIds(
  db: Db,
  userId: string,
  sections: readonly string[] | null,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows(
    db,
    sql`SELECT c.id
FROM "Card" c
WHERE c."userId" = ${userId}::uuid AND c.suspended = false
  AND ${activeContent(sections)}
ORDER BY (c.kind = 'bank'), c."createdAt", c.id
LIMIT ${limit}`,
    z.object({ id: z.string() }),
  );
  return rows.map((r) => r.id);
}

/** New cards first studied since `since` (undone reviews do not count). */
export async function newIntroducedSince(db: Db, userId: string, since: Date): Promise<number> {
  const row = await queryRow(
    db,
    sql`SELECT count(*) AS n FROM "ReviewLog"
     WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${since.toISOString()}::timestamptz AND "undoneAt" IS NULL
       AND ("stateBefore"->>'state')::int = 0`,
    z.object({ n: col.int }),
  );
  return row?.n ?? 0;
}

/** Serialises one user's reviews and undos (different users never wait for each other). */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await execute(tx, sql`SELECT pg_advisory_xact_lock(hashtext(${`flashcards:${userId}`}))`);
}

export const schedOf = (c: SchedState): SchedState => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsedDays,
  scheduledDays: c.scheduledDays,
  learningSteps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  lastReview: c.lastReview,
});

// ---- Cards through the query builder -------------------------------------------------------------------------

const contentInclude = {
  flashcard: { select: { section: true, front: true, back: true, hint: true } },
  question: { select: { section: true, currentVersionId: true } },
} as const;

export const cardsWithContent = (db: Db, ids: readonly string[]) =>
  db.card.findMany({ where: { id: { in: [...ids] } }, include: contentInclude });

export const findOwnCard = (db: Db, userId: string, cardId: string) =>
  db.card.findFirst({ where: { id: cardId, userId } });

export const findOwnCardWithContent = (db: Db, userId: string, cardId: string) =>
  db.card.findFirst({ where: { id: cardId, userId }, include: contentInclude });

export const updateCard = (db: Db, cardId: string, data: Parameters<Db["card"]["update"]>[0]["data"]) =>
  db.card.update({ where: { id: cardId }, data });

/** A personal card goes together with its log. */
export async function deleteCardAndLog(db: Prisma, cardId: string): Promise<void> {
  await db.$transaction([db.reviewLog.deleteMany({ where: { cardId } }), db.card.delete({ where: { id: cardId } })]);
}

export function listCardsWithContent(db: Db, userId: string, filter: "personal" | "leeches" | "suspended") {
  const where =
    filter === "personal" ? { kind: "missed" as const } : filter === "leeches" ? { leech: true } : { suspended: true };
  return db.card.findMany({
    where: { userId, ...where },
    include: contentInclude,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
}

/** The user's cards, less bank cards of retired flashcards (the stats leave those out). */
const activeCards = (userId: string) => ({
  userId,
  OR: [{ kind: "missed" as const }, { flashcard: { retiredAt: null } }],
});

export async function cardCountsByState(db: Db, userId: string) {
  const groups = await db.card.groupBy({
    by: ["state", "suspended", "leech"],
    where: activeCards(userId),
    _count: { _all: true },
  });
  return groups.map((g) => ({ state: g.state, suspended: g.suspended, leech: g.leech, count: g._count._all }));
}

/**
 * When each scheduled (not new, not suspended) card due before `horizon` is next in the queue: its due date,
 * or the end of its burial when that is later — a card buried today is not today's work, it comes back tomorrow.
 */
export async function comingDatesBefore(db: Db, userId: string, horizon: Date): Promise<Date[]> {
  const rows = await db.card.findMany({
    // A burial only postpones, so a card due after the horizon cannot come back before it.
    where: { ...activeCards(userId), suspended: false, state: { gt: 0 }, due: { lt: horizon } },
    select: { due: true, buriedUntil: true },
  });
  return rows.map((r) => (r.buriedUntil && r.buriedUntil > r.due ? r.buriedUntil : r.due));
}

// ---- The review log ------------------------------------------------------------------------------------------

/** What a log row keeps of the card before a review (`snapshot` in present.ts): everything undo must put back. */
export const snapshotSchema = cardStateShape.extend({
  state: z.number().int(),
  elapsedDays: z.number().int(),
  learningSteps: z.number().int(),
}) satisfies z.ZodType<Snapshot>;

/** A logged response is replayed as the API states it: jsonb keeps its own key order, parsing restores the schema's. */
export async function reviewById(db: Db, userId: string, reviewId: string) {
  const row = await db.reviewLog.findUnique({
    where: { userId_reviewId: { userId, reviewId } },
    select: { cardId: true, response: true },
  });
  return row && { cardId: row.cardId, response: cardStateShape.parse(row.response) };
}

/** When the user's latest review (undone or not) was logged. */
export async function lastReviewedAt(db: Db, userId: string): Promise<Date | null> {
  const last = await db.reviewLog.findFirst({
    where: { userId },
    orderBy: { reviewedAt: "desc" },
    select: { reviewedAt: true },
  });
  return last?.reviewedAt ?? null;
}

export async function appendReview(
  db: Db,
  row: {
    cardId: string;
    userId: string;
    reviewId: string;
    rating: number;
    reviewedAt: Date;
    elapsedDays: number;
    durationMs: number | null;
    stateBefore: Snapshot;
    response: CardStateResponse;
  },
): Promise<void> {
  await db.reviewLog.create({ data: row });
}

/** The user's last review that is not undone, with the card's state before it. */
export async function lastActiveReview(db: Db, userId: string) {
  const row = await db.reviewLog.findFirst({ where: { userId, undoneAt: null }, orderBy: { reviewedAt: "desc" } });
  return (
    row && {
      id: row.id,
      cardId: row.cardId,
      reviewId: row.reviewId,
      rating: row.rating,
      stateBefore: snapshotSchema.parse(row.stateBefore),
    }
  );
}

export async function markUndone(db: Db, logId: string, at: Date): Promise<void> {
  await db.reviewLog.update({ where: { id: logId }, data: { undoneAt: at } });
}

/** Reviews logged since `since` and not undone, with the state each started from. */
export async function reviewsSince(db: Db, userId: string, since: Date) {
  const rows = await db.reviewLog.findMany({
    where: { userId, undoneAt: null, reviewedAt: { gte: since } },
    select: { reviewedAt: true, rating: true, stateBefore: true },
  });
  return rows.map((r) => ({
    reviewedAt: r.reviewedAt,
    rating: r.rating,
    stateBefore: snapshotSchema.parse(r.stateBefore),
  }));
}

// ---- Study settings ------------------------------------------------------------------------------------------

export interface SettingsRow {
  desiredRetention: number;
  newCardsPerDay: number;
  interviewDate: Date | null;
  timeZone: string;
}

export const findSettings = (db: Db, userId: string): Promise<SettingsRow | null> =>
  db.studySettings.findUnique({ where: { userId } });

export const saveSettings = (db: Db, userId: string, data: SettingsRow): Promise<SettingsRow> =>
  db.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });

// ---- What personal cards show of their question --------------------------------------------------------------

const conceptSchema = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  required: z.boolean(),
  phrases: z.array(z.string()),
  hint: z.string(),
  explanation: z.string(),
}) satisfies z.ZodType<ResolvedConcept>;

const misconceptionSchema = z.object({
  id: z.string(),
  phrases: z.array(z.string()),
  penalty: z.number(),
  explanation: z.string(),
}) satisfies z.ZodType<ResolvedMisconception>;

/** The part of a stored question version a personal card is made of; only free-text questions have a rubric. */
export const cardSourceRow = z.object({
  id: z.string(),
  type: z.string(),
  slug: z.string(),
  prompt: z.string(),
  modelAnswer: z.string().nullable(),
  concepts: col.json(z.array(conceptSchema).nullable()),
  misconceptions: col.json(z.array(misconceptionSchema).nullable()),
});

export type CardSource =
  | {
      type: "free-text";
      slug: string;
      prompt: string;
      modelAnswer: string;
      concepts: ResolvedConcept[];
      misconceptions: ResolvedMisconception[];
    }
  | { type: "other" };

export function toCardSource(row: z.output<typeof cardSourceRow>): CardSource {
  if (row.type !== "free-text" || row.modelAnswer === null || !row.concepts) return { type: "other" };
  return {
    type: "free-text",
    slug: row.slug,
    prompt: row.prompt,
    modelAnswer: row.modelAnswer,
    concepts: row.concepts,
    misconceptions: row.misconceptions ?? [],
  };
}

/** The question versions' card sources, by version id (ids not found are left out). */
export async function cardSources(db: Db, versionIds: readonly string[]): Promise<Map<string, CardSource>> {
  const ids = [...new Set(versionIds)];
  if (ids.length === 0) return new Map();
  const rows = await queryRows(
    db,
    sql`SELECT v.id, v.body->>'type' AS type, v.body->>'slug' AS slug, v.body->>'prompt' AS prompt,
               v.body->>'modelAnswer' AS "modelAnswer", v.body->'resolvedRubric'->'concepts' AS concepts,
               v.body->'resolvedRubric'->'misconceptions' AS misconceptions
          FROM "QuestionVersion" v WHERE v.id IN (${join(ids.map((id) => sql`${id}::uuid`))})`,
    cardSourceRow,
  );
  return new Map(rows.map((r) => [r.id, toCardSource(r)]));
}
