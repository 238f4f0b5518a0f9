import type { Prisma } from "../db/database.ts";
import { assertCanViewCandidate, type Viewer } from "../access/can-view-candidate.ts";
import type { Lexicon } from "../grading/types.ts";
import { decisionMatrix } from "./decision-matrix.ts";
import { masteryBySection } from "./mastery.ts";
import { choiceCounts, questionTimes, recentBySection, roundScores } from "./repo.ts";
import { timeReport } from "./time-budget.ts";

export interface ProgressDeps {
  prisma: Prisma;
  lexicon: Lexicon;
  now: () => Date;
}

export async function progress(deps: ProgressDeps, viewer: Viewer, candidate: string | undefined) {
  const userId = await assertCanViewCandidate(deps.prisma, viewer, candidate);
  const [recent, rounds, choices, times] = await Promise.all([
    recentBySection(deps.prisma, userId),
    roundScores(deps.prisma, userId),
    choiceCounts(deps.prisma, userId),
    questionTimes(deps.prisma, userId),
  ]);
  const labels = Object.fromEntries(deps.lexicon.options.map((o) => [o.id, o.label]));
  return {
    candidateId: userId,
    mastery: masteryBySection(recent, deps.now()),
    rounds,
    decisionMatrix: decisionMatrix(choices, labels),
    time: timeReport(times),
  };
}
