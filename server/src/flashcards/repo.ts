import type { Prisma, Tx } from "../db/database.ts";
import type { QueueCandidate, SchedState } from "./schedule.ts";

type Db = Prisma | Tx;

const SCHED_COLUMNS = `c.id, c.kind::text AS kind, c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays",
  c."learningSteps", c.reps, c.lapses, c.state, c."lastReview", c."createdAt"`;

/** Bank cards follow their flashcard, personal ones their question: retired content leaves the queue. */
const ACTIVE_CONTENT = `CASE WHEN c.kind = 'bank'
    THEN EXISTS (SELECT 1 FROM "Flashcard" f WHERE f.id = c."flashcardId" AND f."retiredAt" IS NULL
                 AND ($SECTIONS::text IS NULL OR f.section = ANY (string_to_array($SECTIONS::text, ','))))
    ELSE EXISTS (SELECT 1 FROM "Question" q WHERE q.id = c."questionId" AND q."retiredAt" IS NULL
                 AND ($SECTIONS::text IS NULL OR q.section = ANY (string_to_array($SECTIONS::text, ','))))
  END`;

const NOT_BURIED = (now: string) => `(c."buriedUntil" IS NULL OR c."buriedUntil" <= ${now}::timestamptz)`;

/** Cards already due (learning, relearning, review) — walks the (userId, suspended, state, due) index. */
export const DUE_SQL = `SELECT ${SCHED_COLUMNS}
FROM "Card" c
WHERE c."userId" = $1::uuid AND c.suspended = false
  AND ((c.state IN (1, 3) AND c.due <= $2::timestamptz) OR (c.state = 2 AND c.due < $3::timestamptz))
  AND ${NOT_BURIED("$5")}
  AND ${ACTIVE_CONTENT.replaceAll("$SECTIONS", "$4")}`;

/** The next new cards: personal before bank, oldest first. */
export const NEW_SQL = `SELECT ${SCHED_COLUMNS}
FROM "Card" c
WHERE c."userId" = $1::uuid AND c.suspended = false AND c.state = 0
  AND ${NOT_BURIED("$4")}
  AND ${ACTIVE_CONTENT.replaceAll("$SECTIONS", "$2")}
ORDER BY (c.kind = 'bank'), c."createdAt", c.id
LIMIT $3`;

/** Cram: every card not suspended, buried or not, due or not — personal first, then oldest first. */
const CRAM_SQL = `SELECT c.id
FROM "Card" c
WHERE c."userId" = $1::uuid AND c.suspended = false
  AND ${ACTIVE_CONTENT.replaceAll("$SECTIONS", "$2")}
ORDER BY (c.kind = 'bank'), c."createdAt", c.id
LIMIT $3`;

interface CandidateRow extends SchedState {
  id: string;
  kind: "bank" | "missed";
  createdAt: Date;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toCandidate = (r: CandidateRow): QueueCandidate => ({
  ...r,
  due: toDate(r.due),
  createdAt: toDate(r.createdAt),
  lastReview: r.lastReview === null ? null : toDate(r.lastReview),
  stability: Number(r.stability),
  difficulty: Number(r.difficulty),
});

/**
 * Gives the user a `new` card for every bank flashcard they do not have yet, in one statement. The first condition
 * is evaluated once (an InitPlan): when the user already has a card for every flashcard — the usual case — nothing
 * else runs. Cards are made for retired flashcards too (the queue and stats skip those), so the counts can match.
 * ON CONFLICT makes concurrent calls safe. Bank cards are introduced in slug order (createdAt is spaced by 1 ms).
 */
export async function ensureBankCards(db: Db, userId: string, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `INSERT INTO "Card" (id, "userId", kind, "flashcardId", due, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'bank'::"CardKind", f.id, $2::timestamptz,
            $2::timestamptz + (row_number() OVER (ORDER BY f.slug)) * interval '1 millisecond', $2::timestamptz
     FROM "Flashcard" f
     WHERE (SELECT count(*) FROM "Card" c WHERE c."userId" = $1::uuid AND c."flashcardId" IS NOT NULL) < (SELECT count(*) FROM "Flashcard")
       AND NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."userId" = $1::uuid AND c."flashcardId" = f.id)
     ON CONFLICT ("userId", "flashcardId") DO NOTHING`,
    userId,
    now.toISOString(),
  );
}

export async function dueCandidates(db: Db, userId: string, at: { now: Date; learnUntil: Date; reviewBefore: Date }, sections: string | null) {
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(
    DUE_SQL,
    userId,
    at.learnUntil.toISOString(),
    at.reviewBefore.toISOString(),
    sections,
    at.now.toISOString(),
  );
  return rows.map(toCandidate);
}

export async function newCandidates(db: Db, userId: string, now: Date, sections: string | null, limit: number) {
  if (limit <= 0) return [];
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(NEW_SQL, userId, sections, limit, now.toISOString());
  return rows.map(toCandidate);
}

export async function cramCardIds(db: Db, userId: string, sections: string | null, limit: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(CRAM_SQL, userId, sections, limit);
  return rows.map((r) => r.id);
}

/** New cards first studied since `since` (undone reviews do not count). */
export async function newIntroducedSince(db: Db, userId: string, since: Date): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "ReviewLog"
     WHERE "userId" = $1::uuid AND "reviewedAt" >= $2::timestamptz AND "undoneAt" IS NULL
       AND ("stateBefore"->>'state')::int = 0`,
    userId,
    since.toISOString(),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Serialises one user's reviews and undos (different users never wait for each other). */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `flashcards:${userId}`);
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
