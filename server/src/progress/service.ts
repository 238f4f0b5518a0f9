import type { Prisma } from "../db/index.ts";
import { assertCanViewCandidate, type Viewer } from "../access/index.ts";
import type { Lexicon } from "../grading/index.ts";
import type { VersionBodies } from "../questions/index.ts";
import { decisionMatrix, inOptionTerms } from "./decision-matrix.ts";
import { masteryBySection } from "./mastery.ts";
import { choiceCounts, questionTimes, recentBySection, roundScores } from "./repo.ts";
import { timeReport } from "./time-budget.ts";

export interface ProgressDeps {
  prisma: Prisma;
  versionBodies: VersionBodies;
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
  // The matrix is about choosing an engine or an architecture; paradigm options ("batch") are not choices of that kind.
  const options = deps.lexicon.options.filter((o) => o.category !== "paradigm");
  const isOption = (id: string) => options.some((o) => o.id === id);
  const bodies = await deps.versionBodies.many(
    deps.prisma,
    choices.map((c) => c.versionId),
  );
  const counts = choices.flatMap((c) => inOptionTerms(bodies.get(c.versionId)!, c, isOption) ?? []);
  return {
    candidateId: userId,
    mastery: masteryBySection(recent, deps.now()),
    rounds,
    decisionMatrix: decisionMatrix(counts, options),
    time: timeReport(times),
  };
}
