import { z } from "zod";
import { type Prisma, type Tx, col, queryRow, sql, type Prepared, type SqlStatements } from "../db/index.ts";
import {
  insertedRow,
  THEN_MISSED_CARDS,
  storedGrade,
  storedResponse,
  asChoiceOrder,
  newChoiceOrder,
  type VersionBody,
  type AnswerRow,
  type VersionBodies,
} from "../questions/index.ts";
import type { KnownSlot, Slot, SlotCache } from "./slot-cache.ts";
/**
 * Whether round `r` holds the question named by the slug parameter `param` (a follow-up's parent) and it is still
 * unanswered: the one SQL form of the rule that a follow-up stays locked until its parent is answered. The null test
 * changes no answer (no slug equals null), but on PostgreSQL it changed the prepared autosave's generic plan: it
 * read every question of the round and each one's Question row on every save (to match nothing, for the usual
 * question without a parent); now it looks the parent up by the slug's unique index, which reads nothing for none.
 */
const parentUnanswered = (param: string) => `EXISTS (
         SELECT 1 FROM "RoundQuestion" p JOIN "Question" q ON q.id = p."questionId"
         WHERE ${param}::text IS NOT NULL AND p."roundId" = r.id AND q.slug = ${param}::text
           AND NOT EXISTS (SELECT 1 FROM "Answer" pa WHERE pa."roundQuestionId" = p.id)
       )`;

const roundStatus = z.enum(["open", "finished", "expired"]);
export type RoundStatus = z.output<typeof roundStatus>;

/** A round's questions and answers come back as one JSON array, so reading a round is one statement. */
const ROUND_SELECT = `SELECT r.id, r."userId", r.status::text AS status, r."timeLimitSeconds", r."startedAt", r.deadline, r."closedAt",
       COALESCE((
         SELECT json_agg(json_build_object(
           'id', rq.id, 'questionId', rq."questionId", 'questionVersionId', rq."questionVersionId",
           'position', rq.position, 'draft', rq.draft, 'choiceOrder', rq."choiceOrder", 'flagged', rq.flagged,
           'answer', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
             'id', a.id, 'response', a.response, 'grade', a.grade, 'submittedAt', a."submittedAt",
             'timeSpentSeconds', a."timeSpentSeconds", 'idempotencyKey', a."idempotencyKey") END
         ) ORDER BY rq.position)
         FROM "RoundQuestion" rq LEFT JOIN "Answer" a ON a."roundQuestionId" = rq.id
         WHERE rq."roundId" = r.id
       ), '[]'::json) AS questions
     FROM "Round" r`;

const FIND_ROUND: Prepared = { name: "round_find", text: `${ROUND_SELECT} WHERE r.id = $1::uuid` };

/**
 * The round as its owner reads it, for a request whose session is not resolved yet: the round only comes back when
 * session `$2` is live, well-formed (what `sessionUserOf` accepts) and names the round's owner.
 */
const FIND_ROUND_FOR_SESSION: Prepared = {
  name: "round_find_for_session",
  text: `${ROUND_SELECT} WHERE r.id = $1::uuid AND r."userId"::text = (
       SELECT s.data::jsonb ->> 'userId' FROM "Session" s
       WHERE s.sid = $2 AND s."expiresAt" > now() AND s.data::jsonb ->> 'role' IN ('candidate', 'mentor')
     )`,
};

/** A saved draft holds an answer as the client sent it; none until the first autosave. */
const draftValue = storedResponse.nullable();

const roundRow = z.object({
  id: z.string(),
  userId: z.string(),
  status: roundStatus,
  timeLimitSeconds: z.number(),
  startedAt: col.date,
  deadline: col.date,
  closedAt: col.date.nullable(),
  questions: col.json(
    z.array(
      z.object({
        id: z.string(),
        questionId: z.string(),
        questionVersionId: z.string(),
        position: z.number(),
        draft: draftValue,
        choiceOrder: z.unknown().transform(asChoiceOrder),
        flagged: z.boolean(),
        answer: z
          .object({
            id: z.string(),
            response: storedResponse,
            grade: storedGrade,
            submittedAt: col.date,
            timeSpentSeconds: z.number().nullable(),
            idempotencyKey: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
  ),
});

type RoundReader = { prisma: Prisma; sql: SqlStatements; versionBodies: VersionBodies };

/** A round with its questions (each with its version body) and answers; `userId` restricts it to that owner. */
export async function findRound(db: RoundReader, id: string, userId?: string) {
  const [row] = await db.sql.query(FIND_ROUND, [id], roundRow);
  if (!row || (userId !== undefined && row.userId !== userId)) return undefined;
  return withBodies(db, row);
}

/** Round `id` if session `sessionId` is live and its user owns the round, in one statement (see findRound). */
export async function findRoundForSession(db: RoundReader, id: string, sessionId: string) {
  const [row] = await db.sql.query(FIND_ROUND_FOR_SESSION, [id, sessionId], roundRow);
  return row && withBodies(db, row);
}

async function withBodies(db: RoundReader, row: z.output<typeof roundRow>) {
  const bodies = await db.versionBodies.many(
    db.prisma,
    row.questions.map((q) => q.questionVersionId),
  );
  return { ...row, questions: row.questions.map((q) => ({ ...q, body: bodies.get(q.questionVersionId)! })) };
}

export type LoadedRound = NonNullable<Awaited<ReturnType<typeof findRound>>>;

const lockedRound = z.object({ userId: z.string(), status: roundStatus, deadline: col.date, startedAt: col.date });

/**
 * Locks the round row exclusively for the rest of the transaction, to close it. Saves and answers take a shared lock
 * in their statements, so an answer is either in before the round closes or refused after — never half of each.
 */
export async function lockRoundForClosing(tx: Tx, id: string) {
  return queryRow(
    tx,
    sql`SELECT "userId", status::text AS status, deadline, "startedAt" FROM "Round" WHERE id = ${id}::uuid FOR UPDATE`,
    lockedRound,
  );
}

/** The round question for `slug`, if the round is the user's and holds that question. */
export async function findSlot(
  db: Prisma | Tx,
  cache: SlotCache,
  userId: string,
  roundId: string,
  slug: string,
): Promise<Slot | undefined> {
  const known = cache.get(roundId, slug);
  if (known?.userId === userId) return known;
  const slot = await db.roundQuestion.findFirst({
    where: { roundId, round: { userId }, question: { slug } },
    select: { id: true, questionId: true, questionVersionId: true },
  });
  if (slot) cache.remember(roundId, slug, { ...slot, userId } satisfies KnownSlot);
  return slot ?? undefined;
}

/** Whether the round question for `parentSlug` is answered; undefined when the round does not hold it. */
export async function findParentSlot(
  db: Prisma | Tx,
  roundId: string,
  parentSlug: string,
): Promise<{ answered: boolean } | undefined> {
  const slot = await db.roundQuestion.findFirst({
    where: { roundId, question: { slug: parentSlug } },
    select: { answer: { select: { id: true } } },
  });
  return slot ? { answered: slot.answer !== null } : undefined;
}

/** Whether round `id` exists and is the user's. */
export async function isUsersRound(db: Prisma, id: string, userId: string): Promise<boolean> {
  return (await db.round.count({ where: { id, userId } })) > 0;
}

/** A page of the user's rounds, newest first, with each one's answers' verdicts and scores. */
export async function roundsOf(db: Prisma, userId: string, page: { skip: number; take: number }) {
  const where = { userId };
  const [rows, total] = await Promise.all([
    db.round.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      include: {
        _count: { select: { questions: true } },
        questions: { select: { answer: { select: { verdict: true, score: true } } } },
      },
    }),
    db.round.count({ where }),
  ]);
  return { rows, total };
}

/** Open rounds whose cut-off passed before `cutoff`, oldest deadline first; one user's only when `userId` is given. */
export async function overdueRoundIds(
  db: Prisma,
  cutoff: Date,
  options: { userId?: string; limit?: number } = {},
): Promise<string[]> {
  const rows = await db.round.findMany({
    where: { ...(options.userId ? { userId: options.userId } : {}), status: "open", deadline: { lt: cutoff } },
    select: { id: true },
    orderBy: { deadline: "asc" },
    ...(options.limit ? { take: options.limit } : {}),
  });
  return rows.map((r) => r.id);
}

export async function openRoundIdOf(db: Prisma, userId: string): Promise<string | undefined> {
  const round = await db.round.findFirst({ where: { userId, status: "open" }, select: { id: true } });
  return round?.id;
}

/** A new round and its questions in the given order, each choice question with a fresh order of its choices. */
export async function insertRoundWithQuestions(
  db: Prisma,
  round: { userId: string; timeLimitSeconds: number; filters: object; startedAt: Date; deadline: Date },
  questions: readonly { id: string; versionId: string; body: VersionBody }[],
): Promise<string> {
  const { id } = await db.round.create({
    data: {
      ...round,
      questions: {
        // Each question's choices get their own order, kept so every later view shows what the candidate saw.
        create: questions.map((q, position) => ({
          questionId: q.id,
          questionVersionId: q.versionId,
          position,
          choiceOrder: newChoiceOrder(q.body) ?? undefined,
        })),
      },
    },
    select: { id: true },
  });
  return id;
}

/** The round's questions as closing needs them: each one's saved draft and whether (and when) it was answered. */
export async function slotsForClosing(tx: Tx, roundId: string) {
  const slots = await tx.roundQuestion.findMany({
    where: { roundId },
    select: {
      id: true,
      questionId: true,
      questionVersionId: true,
      draft: true,
      draftSavedAt: true,
      answer: { select: { submittedAt: true } },
    },
  });
  return slots.map((s) => ({ ...s, draft: draftValue.parse(s.draft) }));
}

export async function markClosed(tx: Tx, id: string, status: "finished" | "expired", closedAt: Date): Promise<void> {
  await tx.round.update({ where: { id }, data: { status, closedAt } });
}

/** Sets a question's flag only while its round is the user's, open and before `cutoff`; false when it was not. */
export async function flagWhileOpen(
  db: Prisma,
  input: { slotId: string; userId: string; cutoff: Date; flagged: boolean },
): Promise<boolean> {
  const { count } = await db.roundQuestion.updateMany({
    where: { id: input.slotId, round: { userId: input.userId, status: "open", deadline: { gte: input.cutoff } } },
    data: { flagged: input.flagged },
  });
  return count === 1;
}

export async function roundClock(db: Prisma, id: string) {
  return db.round.findUniqueOrThrow({ where: { id }, select: { status: true, deadline: true } });
}

/** The round side of an idempotency key: the answer the earlier request stored, with where it was given. */
export async function roundAnswerByKey(db: Prisma, userId: string, idempotencyKey: string) {
  const row = await db.answer.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: {
      submittedAt: true,
      response: true,
      roundQuestion: { select: { roundId: true, question: { select: { slug: true } } } },
    },
  });
  return row ? { ...row, response: storedResponse.parse(row.response) } : undefined;
}

/** Row schemas of the hot statements live at module level: zod compiles a schema on its first parse, per instance. */
const writtenDraftRow = z.object({ status: roundStatus, deadline: col.date });

const WRITE_DRAFT: Prepared = {
  name: "round_write_draft",
  text: `WITH r AS (
       SELECT status, deadline FROM "Round" WHERE id = $1::uuid AND "userId" = $2::uuid FOR SHARE
     ), written AS (
       UPDATE "RoundQuestion" rq SET draft = $4::jsonb, "draftSavedAt" = $5::timestamptz
       FROM r
       WHERE rq.id = $3::uuid AND r.status = 'open' AND r.deadline >= $6::timestamptz
         AND NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."roundQuestionId" = rq.id)
       RETURNING rq.id
     )
     SELECT r.status::text AS status, r.deadline, (SELECT count(*)::int FROM written) AS written FROM r`,
};

/**
 * Autosave in one statement: share-locks the round (so it cannot close half-way through), and writes the draft
 * only while the round is open, before its cut-off, and the question unanswered. Returns the round's status and
 * deadline as they were under the lock, or undefined when the round is not the user's.
 */
export async function writeDraft(
  sql: SqlStatements,
  input: { userId: string; roundId: string; slotId: string; draft: unknown; savedAt: Date; cutoff: Date },
): Promise<{ status: RoundStatus; deadline: Date } | undefined> {
  const [row] = await sql.query(
    WRITE_DRAFT,
    [input.roundId, input.userId, input.slotId, JSON.stringify(input.draft), input.savedAt, input.cutoff],
    writtenDraftRow,
  );
  return row && { status: row.status, deadline: row.deadline };
}

/**
 * The autosave happy path as one statement, for a request not yet authenticated: the session is resolved, the
 * round must be that user's, open and before its cut-off, the question unanswered and (for a follow-up) its parent
 * answered. True when the draft was written; anything else wrote nothing and is left to the full route to explain.
 */
const WRITE_DRAFT_FOR_SESSION: Prepared = {
  name: "round_write_draft_for_session",
  text: `WITH s AS (
       SELECT data::jsonb ->> 'userId' AS uid FROM "Session" WHERE sid = $1 AND "expiresAt" > now()
     ), r AS (
       SELECT r.id FROM "Round" r JOIN s ON r."userId"::text = s.uid
       WHERE r.id = $2::uuid AND r.status = 'open' AND r.deadline >= $6::timestamptz
       FOR SHARE OF r
     ), written AS (
       UPDATE "RoundQuestion" rq SET draft = $4::jsonb, "draftSavedAt" = $5::timestamptz
       FROM r
       WHERE rq.id = $3::uuid AND rq."roundId" = r.id
         AND NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."roundQuestionId" = rq.id)
         AND NOT ${parentUnanswered("$7")}
       RETURNING rq.id
     )
     SELECT count(*)::int AS written FROM written`,
};

const writtenCount = z.object({ written: z.number() });

export async function writeDraftForSession(
  sql: SqlStatements,
  input: {
    sessionId: string;
    roundId: string;
    slotId: string;
    draft: unknown;
    savedAt: Date;
    cutoff: Date;
    parentSlug: string | null;
  },
): Promise<boolean> {
  const [row] = await sql.query(
    WRITE_DRAFT_FOR_SESSION,
    [
      input.sessionId,
      input.roundId,
      input.slotId,
      JSON.stringify(input.draft),
      input.savedAt,
      input.cutoff,
      input.parentSlug,
    ],
    writtenCount,
  );
  return row?.written === 1;
}

const LOCK_FOR_ANSWER: Prepared = {
  name: "round_lock_for_answer",
  text: `SELECT r.status::text AS status, r.deadline, r."startedAt",
       a.response AS "answeredResponse", a."submittedAt" AS "answeredAt",
       ${parentUnanswered("$4")} AS "parentOpen",
       (SELECT max(x."submittedAt") FROM "Answer" x JOIN "RoundQuestion" y ON y.id = x."roundQuestionId"
        WHERE y."roundId" = r.id) AS "lastAnsweredAt"
     FROM "Round" r LEFT JOIN "Answer" a ON a."roundQuestionId" = $3::uuid
     WHERE r.id = $1::uuid AND r."userId" = $2::uuid
     FOR SHARE OF r`,
};

/**
 * Share-locks the user's round for an answer (closing takes the exclusive lock, so an answer is in before the round
 * closes or refused after) and reads what the rules need: the round's state, the slot's answer if any, whether the
 * follow-up's parent is still unanswered, and when the round's latest answer came. Undefined when not the user's.
 */
const lockedForAnswer = z.object({
  status: roundStatus,
  deadline: col.date,
  startedAt: col.date,
  answeredResponse: storedResponse.nullable(),
  answeredAt: col.date.nullable(),
  parentOpen: z.boolean(),
  lastAnsweredAt: col.date.nullable(),
});

export async function lockForAnswer(
  sql: SqlStatements,
  input: { roundId: string; userId: string; slotId: string | null; parentSlug: string | null },
) {
  const [row] = await sql.query(
    LOCK_FOR_ANSWER,
    [input.roundId, input.userId, input.slotId, input.parentSlug],
    lockedForAnswer,
  );
  if (!row) return undefined;
  return {
    status: row.status,
    deadline: row.deadline,
    startedAt: row.startedAt,
    answered: row.answeredAt ? { response: row.answeredResponse, submittedAt: row.answeredAt } : undefined,
    parentOpen: row.parentOpen,
    lastAnsweredAt: row.lastAnsweredAt,
  };
}

/**
 * A round answer's usual case as one statement: stored only while the round is the user's, open and before its
 * cut-off, the question unanswered and (for a follow-up) its parent answered, with its missed-concept cards. The
 * time spent is `secondsSpent` (deadline.ts) in SQL: from the later of the round's start and its latest answer. With
 * a session id (a request served before the session was read), that live session must be the user's too. The new
 * answer's id, or undefined when any condition failed or the idempotency key was taken (nothing written).
 */
const ANSWER_IN_OPEN_ROUND: Prepared = {
  name: "round_answer_in_open_round",
  text: `WITH r AS (
       SELECT id, "startedAt" FROM "Round"
       WHERE id = $12::uuid AND "userId" = $1::uuid AND status = 'open' AND deadline >= $13::timestamptz
         AND ($15::text IS NULL OR EXISTS (
           SELECT 1 FROM "Session" s WHERE s.sid = $15::text AND s."expiresAt" > now() AND s.data::jsonb ->> 'userId' = $1::text
         ))
       FOR SHARE
     ), ok AS (
       SELECT r."startedAt",
              (SELECT max(x."submittedAt") FROM "Answer" x JOIN "RoundQuestion" y ON y.id = x."roundQuestionId"
               WHERE y."roundId" = r.id) AS "lastAt"
       FROM r
       WHERE NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."roundQuestionId" = $6::uuid)
         AND NOT ${parentUnanswered("$14")}
     ), answer AS (
       INSERT INTO "Answer" (id, "userId", "questionId", "submittedAt", "questionVersionId", "roundQuestionId", source,
         "idempotencyKey", response, grade, verdict, score, "timeSpentSeconds")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::timestamptz, $5::uuid, $6::uuid, 'round'::"AnswerSource",
         $7::text, $8::jsonb, $9::jsonb, $10::text, $11::float8,
         GREATEST(0, round(EXTRACT(EPOCH FROM ($3::timestamptz - GREATEST(ok."startedAt", COALESCE(ok."lastAt", ok."startedAt"))))))::int
       FROM ok
       ${THEN_MISSED_CARDS}`,
};

export async function answerInOpenRound(
  sql: SqlStatements,
  input: {
    roundId: string;
    cutoff: Date;
    parentSlug: string | null;
    sessionId: string | null;
    row: AnswerRow;
    missedConcepts: readonly string[];
  },
): Promise<string | undefined> {
  const { row } = input;
  const [inserted] = await sql.query(
    ANSWER_IN_OPEN_ROUND,
    [
      row.userId,
      row.questionId,
      row.submittedAt.toISOString(),
      input.missedConcepts,
      row.questionVersionId,
      row.roundQuestionId,
      row.idempotencyKey,
      JSON.stringify(row.response),
      JSON.stringify(row.grade),
      row.verdict,
      row.score,
      input.roundId,
      input.cutoff,
      input.parentSlug,
      input.sessionId,
    ],
    insertedRow,
  );
  return inserted?.id;
}
