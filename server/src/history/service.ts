import type { Response } from "express";
import type { Prisma } from "../db/index.ts";
import { assertCanViewAnswer, assertCanViewCandidate, type Viewer } from "../access/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { type FollowUpIndex, type VersionBodies, revealAnswer } from "../questions/index.ts";
import { chainAnswers } from "./chain-answers.ts";
import { groupChains } from "./chain-order.ts";
import { csvRows } from "./csv.ts";
import {
  answerWithThread,
  auditEventsAbout,
  findHistoryPage,
  markFeedbackRead,
  presentDispute,
  presentHistoryItem,
  presentSelfAssessment,
  unreadFeedbackCounts,
  withBodies,
  type HistoryFilter,
} from "./repo.ts";

export interface HistoryDeps {
  prisma: Prisma;
  versionBodies: VersionBodies;
  lexicon: Lexicon;
  /** Who follows up whom in the synced bank. */
  followUps: FollowUpIndex;
  now: () => Date;
}

export async function listHistory(
  deps: HistoryDeps,
  viewer: Viewer,
  q: HistoryFilter & { candidate?: string; cursor?: string; limit: number },
) {
  const candidateId = await assertCanViewCandidate(deps.prisma, viewer, q.candidate);
  const { rows, nextCursor } = await findHistoryPage(
    deps.prisma,
    deps.versionBodies,
    candidateId,
    q,
    q.cursor,
    q.limit,
  );
  return { items: groupChains(rows.map(presentHistoryItem)), nextCursor };
}

export async function answerDetail(deps: HistoryDeps, viewer: Viewer, answerId: string) {
  const { userId } = await assertCanViewAnswer(deps.prisma, viewer, answerId);
  const found = await answerWithThread(deps.prisma, answerId, viewer.id);
  // The candidate opening the answer has now seen its comments and overrides (the dashboard's unread count).
  if (viewer.id === userId) await markFeedbackRead(deps.prisma, answerId, userId, deps.now());
  const row = (await withBodies(deps.prisma, deps.versionBodies, [found]))[0]!;
  return {
    ...presentHistoryItem(row),
    ...(await chainAnswers(deps.prisma, deps.followUps, row, row.body.followUpOf)),
    candidate: row.user,
    comments: row.comments.map((c) => ({ id: c.id, body: c.body, author: c.author, at: c.createdAt.toISOString() })),
    reviewed: row.reviews.length > 0,
    dispute: presentDispute(row.dispute),
    selfAssessment: presentSelfAssessment(row.selfAssessment),
    // Choices as the candidate saw them: a round answer's order is the round's, a practice answer keeps its own;
    // answers from before orders were kept show file order.
    reveal: revealAnswer(row.body, deps.lexicon, row.roundQuestion?.choiceOrder ?? row.choiceOrder),
  };
}

export async function unreadCounts(deps: HistoryDeps, userId: string) {
  const { comments, overrides, disputes } = await unreadFeedbackCounts(deps.prisma, userId);
  return { comments, overrides, disputes, total: comments + overrides + disputes };
}

export async function auditLog(deps: HistoryDeps, userId: string, limit = 100) {
  const rows = await auditEventsAbout(deps.prisma, userId, limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actor,
      data: r.data,
      at: r.createdAt.toISOString(),
    })),
  };
}

const CSV_HEADER = [
  "submitted_at",
  "question",
  "title",
  "version",
  "section",
  "type",
  "source",
  "answer",
  "auto_verdict",
  "auto_score",
  "effective_verdict",
  "effective_score",
  "matched",
  "missed",
  "flags",
  "time_spent_seconds",
  "time_budget_seconds",
  "overrides",
  "comments",
];

/** Streams the whole (filtered) history as CSV, a keyset page at a time, so memory stays flat for long histories. */
export async function exportHistoryCsv(
  deps: HistoryDeps,
  viewer: Viewer,
  q: HistoryFilter & { candidate?: string },
  res: Response,
) {
  const candidateId = await assertCanViewCandidate(deps.prisma, viewer, q.candidate);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="watermark-history-${candidateId}.csv"`);
  res.write(csvRows([], { header: CSV_HEADER, bom: true }));
  let cursor: string | undefined;
  do {
    const page = await findHistoryPage(deps.prisma, deps.versionBodies, candidateId, q, cursor, 500);
    const lines = page.rows.map((row) => {
      const item = presentHistoryItem(row);
      const g = item.autoGrade;
      return [
        item.submittedAt,
        item.question.slug,
        item.question.title,
        item.question.version,
        item.question.section,
        item.question.type,
        item.source,
        Array.isArray(item.answer) ? item.answer.join("; ") : item.answer,
        g.verdict,
        g.score,
        item.effectiveGrade.verdict,
        item.effectiveGrade.score,
        g.matched.map((m) => m.concept).join("; "),
        g.missed.map((m) => m.concept).join("; "),
        g.flags.join("; "),
        item.timeSpentSeconds ?? "",
        item.timeBudgetSeconds,
        item.overrides.map((o) => `${o.fromVerdict}->${o.verdict} by ${o.by.displayName}: ${o.reason}`).join(" | "),
        item.commentCount,
      ];
    });
    if (lines.length) res.write(csvRows(lines));
    // The response is compressed: without a flush the tail of each page waits in the compressor for the next query.
    res.flush();
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  res.end();
}
