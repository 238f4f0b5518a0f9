import { type Prisma, type Tx, type SqlRunner } from "../db/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { recordAnswer, type VersionBodies } from "../questions/index.ts";
import { closesAt, secondsSpent } from "./deadline.ts";
import { lockRoundForClosing, markClosed, overdueRoundIds, slotsForClosing } from "./repo.ts";
import { isBlank } from "./results.ts";
import type { SlotCache } from "./slot-cache.ts";

export interface RoundDeps {
  prisma: Prisma;
  sql: SqlRunner;
  lexicon: Lexicon;
  graceSeconds: number;
  now: () => Date;
  slots: SlotCache;
  versionBodies: VersionBodies;
}

/**
 * Grading is synchronous and PGlite answers in-process without ever reaching the event loop, so thirty long drafts
 * graded back to back froze every other request for about a second. Yielding between drafts bounds a pause to one
 * draft's grading and writes; the round stays locked meanwhile, so closing is still all-or-nothing and exactly once.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Turns each unanswered question's saved draft into its graded final answer. */
async function gradeDrafts(tx: Tx, deps: RoundDeps, roundId: string, userId: string, startedAt: Date, at: Date) {
  const slots = await slotsForClosing(tx, roundId);
  const lastAnswerAt = slots
    .map((s) => s.answer?.submittedAt)
    .filter((d): d is Date => !!d)
    .sort((a, b) => +b - +a)[0];
  for (const slot of slots) {
    if (slot.answer || slot.draft === null || isBlank(slot.draft)) continue;
    await yieldToEventLoop();
    const body = await deps.versionBodies.one(tx, slot.questionVersionId);
    await recordAnswer(tx, deps.lexicon, {
      userId,
      questionId: slot.questionId,
      questionVersionId: slot.questionVersionId,
      body,
      response: slot.draft,
      source: "round",
      roundQuestionId: slot.id,
      timeSpentSeconds: secondsSpent(slot.draftSavedAt ?? at, startedAt, lastAnswerAt),
      submittedAt: slot.draftSavedAt ?? at,
    });
  }
}

/**
 * Closes an open round exactly once, whichever process or request gets there first: the row lock makes every
 * other closer wait, and they then see it is no longer open. Returns false when it was already closed.
 */
export async function closeRound(deps: RoundDeps, roundId: string, reason: "finished" | "expired"): Promise<boolean> {
  return deps.prisma.$transaction(
    async (tx) => {
      const locked = await lockRoundForClosing(tx, roundId);
      if (!locked || locked.status !== "open") return false;
      const now = deps.now();
      await gradeDrafts(tx, deps, roundId, locked.userId, locked.startedAt, now);
      // A round closed by the sweeper closed when its time ran out, not when the sweeper happened to run.
      const closedAt = reason === "expired" ? closesAt(locked.deadline, deps.graceSeconds) : now;
      await markClosed(tx, roundId, reason, closedAt < now ? closedAt : now);
      return true;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/** Closes every round whose time (plus grace) ran out; safe to run from any number of processes at once. */
export async function closeDueRounds(deps: RoundDeps, limit = 100): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - deps.graceSeconds * 1000);
  const due = await overdueRoundIds(deps.prisma, cutoff, { limit });
  let closed = 0;
  for (const id of due) if (await closeRound(deps, id, "expired")) closed++;
  return closed;
}
