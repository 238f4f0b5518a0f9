import { z } from "zod";
import { type Prisma, type Tx, col, join, queryRows, sql, type Sql } from "../db/index.ts";
import { VERDICT_THRESHOLDS, type Verdict } from "../grading/index.ts";
import { storedResponse, storedVerdict, titleOf, type VersionBodies } from "../questions/index.ts";
import { answerText, type Ruling } from "./rulings.ts";

const disputeResolution = z.enum(["upheld", "rejected"]);
import { LOW_CONFIDENCE_WEIGHT, NEAR_THRESHOLD, UNCERTAIN_FLAGS } from "./uncertainty.ts";

type Db = Prisma | Tx;

/**
 * Whose rulings to read. A mentor reads only their own, and only on candidates still linked to them (the access
 * rule: a mentor sees a candidate's data only while linked); every mentor's rulings are for the operator's CLI.
 */
/** A mentor's rulings may be narrowed to one question (a regrade preview needs no others). */
export type RulingScope = { mentorId: string; questionId?: string } | { candidateId: string } | { allMentors: true };

/** Every answer ruled on in scope (overridden, or confirmed by marking reviewed), with the ruling that stands. */
export async function loadRulings(prisma: Prisma, cache: VersionBodies, scope: RulingScope): Promise<Ruling[]> {
  const mentorId = "mentorId" in scope ? scope.mentorId : undefined;
  const ruled = { OR: [{ overrides: { some: {} } }, { reviews: { some: {} } }] };
  const questionId = "questionId" in scope ? scope.questionId : undefined;
  const rows = await prisma.answer.findMany({
    where: mentorId
      ? {
          reviews: { some: { mentorId } },
          user: { candidateLinks: { some: { mentorId, endedAt: null } } },
          ...(questionId ? { questionId } : {}),
        }
      : "candidateId" in scope
        ? { userId: scope.candidateId, ...ruled }
        : ruled,
    select: {
      id: true,
      verdict: true,
      response: true,
      questionVersionId: true,
      question: { select: { slug: true } },
      overrides: {
        where: mentorId ? { mentorId } : {},
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { verdict: true },
      },
      dispute: { select: { resolution: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
  const bodies = await cache.many(prisma, [...new Set(rows.map((r) => r.questionVersionId))]);
  return rows.map((r) => ({
    answerId: r.id,
    question: r.question.slug,
    title: titleOf(bodies.get(r.questionVersionId) ?? { prompt: r.question.slug }),
    answer: answerText(r.response),
    response: storedResponse.parse(r.response),
    auto: storedVerdict.parse(r.verdict),
    mentor: storedVerdict.parse(r.overrides[0]?.verdict ?? r.verdict),
    ...(r.dispute?.resolution ? { dispute: disputeResolution.parse(r.dispute.resolution) } : {}),
  }));
}

export const createComment = (
  db: Db,
  data: { answerId: string; authorId: string; body: string; createdAt: Date; readAt: Date | null },
) => db.comment.create({ data, include: { author: { select: { id: true, displayName: true, role: true } } } });

/**
 * Takes the answer's row lock for the rest of the transaction: reviews of one answer (overrides, confirmations and
 * the dispute they settle) then happen one after another, each seeing the one before, never side by side.
 */
export async function lockAnswerForReview(tx: Tx, answerId: string): Promise<void> {
  await queryRows(
    tx,
    sql`SELECT id FROM "Answer" WHERE id = ${answerId}::uuid FOR UPDATE`,
    z.object({ id: z.string() }),
  );
}

/** The mentor has reviewed the answer (again: the time moves on). */
export async function markReviewed(db: Db, answerId: string, mentorId: string, now: Date): Promise<void> {
  await db.answerReview.upsert({
    where: { answerId_mentorId: { answerId, mentorId } },
    create: { answerId, mentorId, reviewedAt: now },
    update: { reviewedAt: now },
  });
}

/** The automatic grade and the overrides so far, oldest first. */
export async function gradeWithOverrides(db: Db, answerId: string) {
  const row = await db.answer.findUniqueOrThrow({
    where: { id: answerId },
    select: {
      verdict: true,
      score: true,
      overrides: { orderBy: { createdAt: "asc" }, select: { verdict: true, score: true } },
    },
  });
  return {
    ...row,
    verdict: storedVerdict.parse(row.verdict),
    overrides: row.overrides.map((o) => ({ ...o, verdict: storedVerdict.parse(o.verdict) })),
  };
}

export const createOverride = (
  db: Db,
  data: {
    answerId: string;
    mentorId: string;
    fromVerdict: string;
    fromScore: number;
    verdict: Verdict;
    score: number;
    reason: string;
    createdAt: Date;
  },
) => db.gradeOverride.create({ data, include: { mentor: { select: { id: true, displayName: true } } } });

/**
 * The same rule as `uncertainty` as a SQL expression over an answer row aliased `a` (`a.score`, `a.grade`), so the
 * queue is ordered and paged in the database; built from the same constants (bound as parameters), and the API
 * tests check it against `uncertainty`.
 */
export function uncertaintySql(): Sql {
  const distance = sql`least(${join(Object.values(VERDICT_THRESHOLDS).map((t) => sql`abs(a.score - ${t}::float8)`))})`;
  const flagged = sql`(SELECT count(*) FROM jsonb_array_elements_text(COALESCE(a.grade->'flags', '[]'::jsonb)) f(flag)
                     WHERE f.flag IN (${join(UNCERTAIN_FLAGS.map((f) => sql`${f}::text`))}) OR f.flag LIKE 'misconception:%')`;
  const low = sql`(CASE WHEN a.grade->>'confidence' = 'low' THEN ${LOW_CONFIDENCE_WEIGHT}::int ELSE 0 END)`;
  return sql`round((greatest(0, 1 - ${distance} / ${NEAR_THRESHOLD}::float8) + ${flagged} + ${low})::numeric, 3)`;
}

/**
 * One page of the mentor's review queue with the queue's whole size: the answers they have not reviewed plus every
 * open dispute (a dispute on an answer they reviewed before asks them again). Open disputes first, then grades the
 * grader called low confidence, then the rest; within each group least certain first, then oldest.
 * `disputed` keeps only open disputes (true) or only the others (false).
 */
export function reviewQueuePage(db: Db, mentorId: string, limit: number, disputed?: boolean) {
  const open = sql`(d."answerId" IS NOT NULL)`;
  const only = disputed === undefined ? sql`` : disputed ? sql`AND ${open}` : sql`AND NOT ${open}`;
  return queryRows(
    db,
    sql`SELECT a.id, ${uncertaintySql()} AS uncertainty, ${open} AS disputed, count(*) OVER () AS total
       FROM "Answer" a
       JOIN "MentorLink" l ON l."candidateId" = a."userId" AND l."mentorId" = ${mentorId}::uuid AND l."endedAt" IS NULL
       LEFT JOIN "Dispute" d ON d."answerId" = a.id AND d."resolvedAt" IS NULL
      WHERE (${open} OR NOT EXISTS (SELECT 1 FROM "AnswerReview" r WHERE r."answerId" = a.id AND r."mentorId" = ${mentorId}::uuid))
        ${only}
      ORDER BY ${open} DESC, COALESCE(a.grade->>'confidence' = 'low', false) DESC, uncertainty DESC,
               a."submittedAt" ASC, a.id ASC
      LIMIT ${limit}`,
    z.object({ id: z.string(), uncertainty: col.num, disputed: z.boolean(), total: col.int }),
  );
}

/**
 * The mentor's linked candidates with their answer counts, most recently active first; `unreviewed` counts what
 * their review queue holds for each (answers not reviewed yet, and open disputes).
 */
export function linkedCandidateRows(db: Db, mentorId: string, since: Date) {
  const mentor = sql`${mentorId}::uuid`;
  return queryRows(
    db,
    sql`SELECT u.id, u."displayName", u.email, l.id AS "linkId", l."createdAt" AS "linkedAt",
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id) AS answers,
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id AND a."submittedAt" >= ${since.toISOString()}::timestamptz) AS "lastWeek",
            (SELECT max(a."submittedAt") FROM "Answer" a WHERE a."userId" = u.id) AS "lastAnswerAt",
            (SELECT count(*) FROM "Answer" a WHERE a."userId" = u.id
               AND (NOT EXISTS (SELECT 1 FROM "AnswerReview" r WHERE r."answerId" = a.id AND r."mentorId" = ${mentor})
                    OR EXISTS (SELECT 1 FROM "Dispute" d WHERE d."answerId" = a.id AND d."resolvedAt" IS NULL))) AS unreviewed
       FROM "MentorLink" l JOIN "User" u ON u.id = l."candidateId"
      WHERE l."mentorId" = ${mentor} AND l."endedAt" IS NULL
      ORDER BY "lastAnswerAt" DESC NULLS LAST, u."displayName"`,
    z.object({
      id: z.string(),
      displayName: z.string(),
      email: z.string(),
      linkId: z.string(),
      linkedAt: col.date,
      answers: col.int,
      lastWeek: col.int,
      lastAnswerAt: col.date.nullable(),
      unreviewed: col.int,
    }),
  );
}
