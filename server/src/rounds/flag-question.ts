import { closeRound, type RoundDeps } from "./close-round.ts";
import { isAccepting } from "./deadline.ts";
import { findSlot, flagWhileOpen, roundClock } from "./repo.ts";
import { noSuchSlot, roundClosed } from "./service.ts";

/**
 * Flags (or unflags) a question of the owner's round, to come back to before finishing. Only while the round
 * accepts answers: a flag on a closed round would mean nothing, so it is refused like a late answer.
 */
export async function flagQuestion(
  deps: RoundDeps,
  userId: string,
  roundId: string,
  slug: string,
  flagged: boolean,
): Promise<void> {
  const slot = await findSlot(deps.prisma, deps.slots, userId, roundId, slug);
  if (!slot) return noSuchSlot(deps, userId, roundId);
  const now = deps.now();
  const cutoff = new Date(now.getTime() - deps.graceSeconds * 1000);
  if (await flagWhileOpen(deps.prisma, { slotId: slot.id, userId, cutoff, flagged })) return;
  const round = await roundClock(deps.prisma, roundId);
  // Found past its time by this request: close it now, as a save or an answer would.
  if (round.status === "open" && !isAccepting(now, round.deadline, deps.graceSeconds))
    await closeRound(deps, roundId, "expired");
  throw roundClosed();
}
