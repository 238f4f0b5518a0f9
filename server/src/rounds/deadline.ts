/** Timing rules for rounds. The server's clock is the only clock; every function takes `now` explicitly. */

export function deadlineFor(startedAt: Date, timeLimitSeconds: number): Date {
  return new Date(startedAt.getTime() + timeLimitSeconds * 1000);
}

/** The last instant a save or an answer is accepted: the deadline plus a grace for requests in flight. */
export function closesAt(deadline: Date, graceSeconds: number): Date {
  return new Date(deadline.getTime() + graceSeconds * 1000);
}

export function isAccepting(now: Date, deadline: Date, graceSeconds: number): boolean {
  return now.getTime() <= closesAt(deadline, graceSeconds).getTime();
}

/**
 * Seconds a question took: from the later of the round's start and the previous answer in the round, to this
 * answer. Candidates jump around, so this is the time since they were last busy answering something else.
 */
export function secondsSpent(answeredAt: Date, startedAt: Date, previousAnswerAt: Date | undefined): number {
  const from = previousAnswerAt && previousAnswerAt > startedAt ? previousAnswerAt : startedAt;
  return Math.max(0, Math.round((answeredAt.getTime() - from.getTime()) / 1000));
}
