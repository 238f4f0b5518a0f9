import { z } from "zod";
import type { Prisma } from "../db/index.ts";
import { dbQuestionType } from "../content/index.ts";
import type { Verdict } from "../grading/index.ts";
import { AppError } from "../http/index.ts";
import {
  asChoiceOrder,
  timeBudgetOf,
  titleOf,
  type VersionBody,
  type VersionBodies,
  storedGrade,
  storedResponse,
  storedVerdict,
  type StoredGrade,
} from "../questions/index.ts";
import { DISPUTE_RESOLUTIONS, isHistoryInstant } from "./schemas.ts";

export interface HistoryFilter {
  section?: string;
  type?: VersionBody["type"];
  verdict?: string;
  source?: "round" | "practice";
  from?: string;
  to?: string;
}

/** Newest first by (submittedAt, id); the cursor is the last item's pair, opaque to clients. */
function encodeCursor(row: { submittedAt: Date; id: string }): string {
  return Buffer.from(`${row.submittedAt.toISOString()}|${row.id}`).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor is untrusted input: anything but exactly what encodeCursor writes, with a sane date, is a 400. */
function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const parts = Buffer.from(cursor, "base64url").toString().split("|");
  const [at = "", id = ""] = parts;
  const submittedAt = new Date(at);
  if (parts.length !== 2 || !UUID.test(id) || !ISO_INSTANT.test(at) || !isHistoryInstant(submittedAt)) {
    throw new AppError("validation_failed", "Invalid cursor", [
      { path: "cursor", message: "must be a nextCursor from a previous page" },
    ]);
  }
  return { submittedAt, id };
}

const dayEnd = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000) : new Date(d);

function historyWhere(userId: string, f: HistoryFilter, cursor?: { submittedAt: Date; id: string }) {
  return {
    userId,
    ...(f.source ? { source: f.source } : {}),
    ...(f.verdict ? { verdict: f.verdict } : {}),
    ...(f.section || f.type
      ? {
          question: {
            ...(f.section ? { section: f.section } : {}),
            ...(f.type ? { type: dbQuestionType(f.type) } : {}),
          },
        }
      : {}),
    ...(f.from || f.to
      ? { submittedAt: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lt: dayEnd(f.to) } : {}) } }
      : {}),
    // The redundant `submittedAt <= cursor` lets PostgreSQL seek the (userId, submittedAt, id) index to the cursor
    // instead of filtering every newer row (Prisma cannot express the row comparison (submittedAt, id) < (…)).
    ...(cursor
      ? {
          AND: [
            { submittedAt: { lte: cursor.submittedAt } },
            {
              OR: [
                { submittedAt: { lt: cursor.submittedAt } },
                { submittedAt: cursor.submittedAt, id: { lt: cursor.id } },
              ],
            },
          ],
        }
      : {}),
  };
}

const who = { select: { id: true, displayName: true } } as const;
const answerInclude = {
  question: { select: { slug: true, section: true } },
  questionVersion: { select: { version: true } },
  roundQuestion: { select: { roundId: true, choiceOrder: true } },
  overrides: { orderBy: { createdAt: "asc" }, include: { mentor: who } },
  _count: { select: { comments: true } },
  dispute: { include: { resolvedBy: who } },
  selfAssessment: true,
} as const;

export async function findHistoryPage(
  prisma: Prisma,
  bodies: VersionBodies,
  userId: string,
  f: HistoryFilter,
  cursor: string | undefined,
  limit: number,
) {
  const rows = await prisma.answer.findMany({
    where: historyWhere(userId, f, cursor ? decodeCursor(cursor) : undefined),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: answerInclude,
  });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    rows: await withBodies(prisma, bodies, page),
    nextCursor: more ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** A dispute as `answerInclude` reads it. */
interface StoredDispute {
  reason: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  reply: string | null;
  resolvedBy: { id: string; displayName: string } | null;
}

const resolutionOf = (d: StoredDispute) => (d.resolution ? z.enum(DISPUTE_RESOLUTIONS).parse(d.resolution) : undefined);

/** The whole dispute, as the answer detail shows it. */
export function presentDispute(d: StoredDispute | null) {
  if (!d) return null;
  const resolution = resolutionOf(d);
  return {
    reason: d.reason,
    status: d.resolvedAt ? ("resolved" as const) : ("open" as const),
    createdAt: d.createdAt.toISOString(),
    ...(d.resolvedAt ? { resolvedAt: d.resolvedAt.toISOString() } : {}),
    ...(d.resolvedBy ? { resolvedBy: { id: d.resolvedBy.id, name: d.resolvedBy.displayName } } : {}),
    ...(resolution ? { resolution } : {}),
    ...(d.reply ? { reply: d.reply } : {}),
  };
}

export const presentSelfAssessment = (s: { verdict: string; createdAt: Date } | null) =>
  s && { verdict: storedVerdict.parse(s.verdict), createdAt: s.createdAt.toISOString() };

/** An override as `answerInclude` reads it. */
interface StoredOverride {
  id: string;
  verdict: string;
  score: number;
  fromVerdict: string;
  fromScore: number;
  reason: string;
  createdAt: Date;
  mentor: { id: string; displayName: string };
}

interface StoredAnswer {
  questionVersionId: string;
  grade: unknown;
  response: unknown;
  choiceOrder: unknown;
  roundQuestion: { roundId: string; choiceOrder: unknown } | null;
  verdict: string;
  overrides: StoredOverride[];
}

/**
 * Each answer with its stored grade, response and choice orders decoded and the body of the version it was graded
 * against, from the app's cache of immutable versions.
 */
export async function withBodies<R extends StoredAnswer>(
  prisma: Prisma,
  cache: VersionBodies,
  rows: R[],
): Promise<
  (Omit<R, "grade" | "response" | "choiceOrder" | "roundQuestion" | "verdict" | "overrides"> & {
    grade: StoredGrade;
    response: string | string[];
    choiceOrder: string[] | null;
    roundQuestion: { roundId: string; choiceOrder: string[] | null } | null;
    verdict: Verdict;
    overrides: (Omit<StoredOverride, "verdict"> & { verdict: Verdict })[];
    body: VersionBody;
  })[]
> {
  const bodies = await cache.many(
    prisma,
    rows.map((r) => r.questionVersionId),
  );
  return rows.map((r) => ({
    ...r,
    grade: storedGrade.parse(r.grade),
    response: storedResponse.parse(r.response),
    choiceOrder: asChoiceOrder(r.choiceOrder),
    roundQuestion: r.roundQuestion && { ...r.roundQuestion, choiceOrder: asChoiceOrder(r.roundQuestion.choiceOrder) },
    verdict: storedVerdict.parse(r.verdict),
    overrides: r.overrides.map((o) => ({ ...o, verdict: storedVerdict.parse(o.verdict) })),
    body: bodies.get(r.questionVersionId)!,
  }));
}

export type AnswerRow = Awaited<ReturnType<typeof findHistoryPage>>["rows"][number];

export function effectiveOf(row: {
  verdict: Verdict;
  score: number;
  overrides: { verdict: Verdict; score: number }[];
}) {
  const last = row.overrides[row.overrides.length - 1];
  return last
    ? { verdict: last.verdict, score: last.score, overridden: true }
    : { verdict: row.verdict, score: row.score, overridden: false };
}

export function presentHistoryItem(row: AnswerRow) {
  const { body } = row;
  return {
    id: row.id,
    candidateId: row.userId,
    question: {
      slug: row.question.slug,
      title: titleOf(body),
      section: row.question.section,
      type: body.type,
      prompt: body.prompt,
      version: row.questionVersion.version,
    },
    ...(body.followUpOf ? { followUpOf: body.followUpOf } : {}),
    source: row.source,
    roundId: row.roundQuestion?.roundId ?? null,
    answer: row.response,
    autoGrade: row.grade,
    effectiveGrade: effectiveOf(row),
    overrides: row.overrides.map((o) => ({
      id: o.id,
      verdict: o.verdict,
      score: o.score,
      fromVerdict: o.fromVerdict,
      fromScore: o.fromScore,
      reason: o.reason,
      by: o.mentor,
      at: o.createdAt.toISOString(),
    })),
    commentCount: row._count.comments,
    dispute: row.dispute && {
      status: row.dispute.resolvedAt ? ("resolved" as const) : ("open" as const),
      ...(row.dispute.resolution ? { resolution: resolutionOf(row.dispute) } : {}),
    },
    selfAssessment: row.selfAssessment && { verdict: storedVerdict.parse(row.selfAssessment.verdict) },
    submittedAt: row.submittedAt.toISOString(),
    timeSpentSeconds: row.timeSpentSeconds,
    timeBudgetSeconds: timeBudgetOf(body),
  };
}

/** One answer with everything its detail page shows; `viewerId` decides whether it counts as reviewed by them. */
export const answerWithThread = (prisma: Prisma, answerId: string, viewerId: string) =>
  prisma.answer.findUniqueOrThrow({
    where: { id: answerId },
    include: {
      ...answerInclude,
      user: { select: { id: true, displayName: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        include: { author: { select: { id: true, displayName: true, role: true } } },
      },
      reviews: { where: { mentorId: viewerId }, select: { mentorId: true } },
    },
  });

/** The candidate has now seen the mentors' comments and overrides on their answer. */
export async function markFeedbackRead(
  prisma: Prisma,
  answerId: string,
  candidateId: string,
  now: Date,
): Promise<void> {
  await Promise.all([
    prisma.comment.updateMany({
      where: { answerId, readAt: null, authorId: { not: candidateId } },
      data: { readAt: now },
    }),
    prisma.gradeOverride.updateMany({ where: { answerId, readAt: null }, data: { readAt: now } }),
    prisma.dispute.updateMany({ where: { answerId, readAt: null, resolvedAt: { not: null } }, data: { readAt: now } }),
  ]);
}

/** Counted as the home page lists them: an override that settled a dispute counts once, as the ruling. */
export async function unreadFeedbackCounts(prisma: Prisma, userId: string) {
  const [comments, overrides, disputes] = await Promise.all([
    prisma.comment.count({ where: { readAt: null, authorId: { not: userId }, answer: { userId } } }),
    prisma.gradeOverride.count({ where: { readAt: null, answer: { userId }, settles: { is: null } } }),
    prisma.dispute.count({ where: { readAt: null, resolvedAt: { not: null }, answer: { userId } } }),
  ]);
  return { comments, overrides, disputes };
}

export const auditEventsAbout = (prisma: Prisma, userId: string, limit: number) =>
  prisma.auditEvent.findMany({
    where: { subjectUserId: userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { actor: { select: { id: true, displayName: true } } },
  });

/** These answers as history shows them, each with its candidate. */
export const answersWithCandidate = (prisma: Prisma, ids: readonly string[]) =>
  prisma.answer.findMany({
    where: { id: { in: [...ids] } },
    include: { ...answerInclude, user: { select: { id: true, displayName: true } } },
  });

/** An answer, named by its id and question, as the answer detail links to it. */
export interface ChainLink {
  id: string;
  slug: string;
}

const linkSelect = { id: true, question: { select: { slug: true } } } as const;
const toLink = (a: { id: string; question: { slug: string } }): ChainLink => ({ id: a.id, slug: a.question.slug });

/** The round's answers to these questions. */
export async function roundAnswersTo(prisma: Prisma, roundId: string, slugs: string[]): Promise<ChainLink[]> {
  const rows = await prisma.answer.findMany({
    where: { roundQuestion: { roundId }, question: { slug: { in: slugs } } },
    select: linkSelect,
  });
  return rows.map(toLink);
}

/** The user's latest practice answer to the question at or before `at`. */
export async function latestPracticeAnswer(
  prisma: Prisma,
  userId: string,
  slug: string,
  at: Date,
): Promise<ChainLink | null> {
  const row = await prisma.answer.findFirst({
    where: { userId, source: "practice", question: { slug }, submittedAt: { lte: at } },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: linkSelect,
  });
  return row && toLink(row);
}

/** When the user next answered the question in practice after `after`. */
export async function nextPracticeAnswerAt(
  prisma: Prisma,
  userId: string,
  slug: string,
  after: Date,
): Promise<Date | null> {
  const row = await prisma.answer.findFirst({
    where: { userId, source: "practice", question: { slug }, submittedAt: { gt: after } },
    orderBy: { submittedAt: "asc" },
    select: { submittedAt: true },
  });
  return row?.submittedAt ?? null;
}

/** The user's practice answers to these questions from `from` on (before `until` when given), oldest first. */
export async function practiceAnswersTo(
  prisma: Prisma,
  userId: string,
  slugs: string[],
  from: Date,
  until: Date | null,
): Promise<ChainLink[]> {
  const rows = await prisma.answer.findMany({
    where: {
      userId,
      source: "practice",
      question: { slug: { in: slugs } },
      submittedAt: { gte: from, ...(until ? { lt: until } : {}) },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: linkSelect,
  });
  return rows.map(toLink);
}
