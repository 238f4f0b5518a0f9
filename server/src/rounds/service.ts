import type { Prisma, Tx } from "../db/index.ts";
import { canViewCandidate, type Viewer } from "../access/index.ts";
import { AppError, notFound } from "../http/index.ts";
import { checkAnswerShape, type AnswerValue, parentNotAnswered, type VersionBody } from "../questions/index.ts";
import { closeRound, type RoundDeps } from "./close-round.ts";
import { isAccepting } from "./deadline.ts";
import {
  findParentSlot,
  findRound,
  findRoundForSession,
  findSlot,
  isUsersRound,
  roundsOf,
  writeDraft,
  type LoadedRound,
} from "./repo.ts";
import { closeOverdueRounds } from "./start-round.ts";

const roundNotFound = () => notFound("No such round");
export const roundClosed = () =>
  new AppError("round_closed", "This round is closed; its time ran out or it was finished");

/** A person reads this under the answer box: it says what is wrong without quoting the slug the request named. */
export const notInRound = (path: string) =>
  new AppError("validation_failed", "That question is not part of this round", [
    { path, message: "This question is not in this round" },
  ]);

/**
 * A round as someone allowed to see it finds it: its owner, or a mentor while linked to the owner (the one access
 * rule in access/). Anyone else gets the same 404 as for a round that does not exist.
 */
export async function viewRound(deps: RoundDeps, viewer: Viewer, id: string): Promise<LoadedRound> {
  const round = await findRound(deps, id);
  if (!round || !(await canViewCandidate(deps.prisma, viewer, round.userId))) throw roundNotFound();
  return closedIfOverdue(deps, round);
}

/** Loads the owner's round, first closing it if its time ran out while nobody was looking. */
export async function loadRound(deps: RoundDeps, userId: string, id: string): Promise<LoadedRound> {
  const round = await findRound(deps, id, userId);
  if (!round) throw roundNotFound();
  return closedIfOverdue(deps, round);
}

/** Whether the round is still open past its cut-off: whoever reads it next closes it first. */
const isOverdue = (deps: RoundDeps, round: LoadedRound) =>
  round.status === "open" && !isAccepting(deps.now(), round.deadline, deps.graceSeconds);

async function closedIfOverdue(deps: RoundDeps, round: LoadedRound): Promise<LoadedRound> {
  rememberSlots(deps, round);
  if (!isOverdue(deps, round)) return round;
  await closeRound(deps, round.id, "expired");
  return (await findRound(deps, round.id))!;
}

/** Whoever reads a round is about to save and answer its questions: where each one sits is known from here on. */
function rememberSlots(deps: RoundDeps, round: LoadedRound): void {
  deps.slots.rememberRound(round.id, round.questions.length, () =>
    round.questions.map((q) => [
      q.body.slug,
      { id: q.id, questionId: q.questionId, questionVersionId: q.questionVersionId, userId: round.userId },
    ]),
  );
}

/**
 * The round as its owner reads it, for a request whose session is not resolved yet (one statement); undefined when
 * the session is not live or not the owner's, or the round is overdue (the full route closes it first).
 */
export async function ownRoundForSession(
  deps: RoundDeps,
  sessionId: string,
  id: string,
): Promise<LoadedRound | undefined> {
  const round = await findRoundForSession(deps, id, sessionId);
  if (!round || isOverdue(deps, round)) return undefined;
  rememberSlots(deps, round);
  return round;
}

/** A follow-up stays locked until its parent in the same round is answered: 409 `parent_not_answered` until then. */
async function assertParentAnswered(db: Prisma | Tx, roundId: string, body: VersionBody): Promise<void> {
  if (!body.followUpOf) return;
  const parent = await findParentSlot(db, roundId, body.followUpOf);
  if (parent && !parent.answered) throw parentNotAnswered(body.followUpOf);
}

/** Why a round question could not be found: the round is not the user's (404), or it does not hold the question. */
export async function noSuchSlot(deps: RoundDeps, userId: string, id: string): Promise<never> {
  if (!(await isUsersRound(deps.prisma, id, userId))) throw roundNotFound();
  throw notInRound("slug");
}

export async function saveDraft(
  deps: RoundDeps,
  userId: string,
  id: string,
  slug: string,
  answer: AnswerValue,
): Promise<void> {
  const slot = await findSlot(deps.prisma, deps.slots, userId, id, slug);
  if (!slot) return noSuchSlot(deps, userId, id);
  const body = await deps.versionBodies.one(deps.prisma, slot.questionVersionId);
  await assertParentAnswered(deps.prisma, id, body);
  checkAnswerShape(body, answer);
  const now = deps.now();
  // Saving after the question was answered changes nothing that counts, so it is accepted and ignored.
  const round = await writeDraft(deps.sql, {
    userId,
    roundId: id,
    slotId: slot.id,
    draft: answer,
    savedAt: now,
    cutoff: new Date(now.getTime() - deps.graceSeconds * 1000),
  });
  if (!round) throw roundNotFound();
  if (round.status !== "open") throw roundClosed();
  if (!isAccepting(now, round.deadline, deps.graceSeconds)) {
    await closeRound(deps, id, "expired");
    throw roundClosed();
  }
}

/** Finishing after the deadline (the client submits by itself at zero) is the clock closing it: "expired". */
export async function finishRound(deps: RoundDeps, userId: string, id: string): Promise<LoadedRound> {
  const round = await loadRound(deps, userId, id);
  if (round.status === "open") await closeRound(deps, id, deps.now() >= round.deadline ? "expired" : "finished");
  return (await findRound(deps, id, userId))!;
}

export async function listRounds(deps: RoundDeps, userId: string, page: { skip: number; take: number }) {
  await closeOverdueRounds(deps, userId);
  return roundsOf(deps.prisma, userId, page);
}
