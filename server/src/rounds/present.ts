import type { Lexicon } from "../grading/index.ts";
import { presentQuestion } from "../questions/index.ts";
import { chainViews, type ChainView } from "./chain-state.ts";
import type { LoadedRound } from "./repo.ts";
import { isGradedFromDraft, resultItem, totalsOf } from "./results.ts";

type RoundQuestion = LoadedRound["questions"][number];

/**
 * What a round question shows that only its version, its choice order and whether it is locked decide. A locked
 * follow-up shows where it sits and how long it may take, but not what it asks (its title would tell).
 */
export function questionFixed(q: RoundQuestion, locked: boolean) {
  const { version: _v, ...question } = presentQuestion(q.body, 0, q.choiceOrder);
  const { prompt: _p, choices: _c, title: _t, ...placeholder } = question;
  return locked ? { ...placeholder, locked: true } : question;
}

/** What a round question shows that changes as the round goes on. */
export function questionState(q: RoundQuestion, chain: ChainView) {
  return {
    ...(chain.followUps ? { followUps: chain.followUps } : {}),
    position: q.position,
    draft: q.draft,
    answer: q.answer?.response ?? null,
    answeredAt: q.answer?.submittedAt.toISOString() ?? null,
    flagged: q.flagged,
  };
}

/** The round's own fields, each question's place in its chain, and the results once it is closed. */
export function roundParts(round: LoadedRound, now: Date, graceSeconds: number, lexicon: Pick<Lexicon, "options">) {
  const chains = chainViews(
    round.questions.map((q) => ({
      slug: q.body.slug,
      followUpOf: q.body.followUpOf,
      answered: q.answer !== null,
      submitted: q.answer !== null && !isGradedFromDraft(q.answer),
    })),
  );
  const closed = round.status !== "open";
  const items = closed
    ? round.questions.map((q, i) => ({
        ...resultItem({ body: q.body, choiceOrder: q.choiceOrder, answer: q.answer }, lexicon),
        ...(chains[i]!.followUpOf ? { followUpOf: chains[i]!.followUpOf, notReached: chains[i]!.notReached } : {}),
      }))
    : [];
  const head = {
    id: round.id,
    status: round.status,
    startedAt: round.startedAt.toISOString(),
    deadline: round.deadline.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    graceSeconds,
  };
  return { head, chains, results: closed ? { items, totals: totalsOf(items) } : undefined };
}

/** The round as its owner sees it; results appear once it is closed. */
export function presentRound(round: LoadedRound, now: Date, graceSeconds: number, lexicon: Pick<Lexicon, "options">) {
  const { head, chains, results } = roundParts(round, now, graceSeconds, lexicon);
  return {
    ...head,
    questions: round.questions.map((q, i) => ({
      ...questionFixed(q, chains[i]!.locked),
      ...questionState(q, chains[i]!),
    })),
    ...(results ? { results } : {}),
  };
}

export function presentRoundSummary(row: {
  id: string;
  status: "open" | "finished" | "expired";
  startedAt: Date;
  deadline: Date;
  closedAt: Date | null;
  _count: { questions: number };
  questions: { answer: { verdict: string; score: number } | null }[];
}) {
  const items = row.questions.map((q) => q.answer ?? { verdict: "unanswered", score: 0 });
  return {
    id: row.id,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    questionCount: row._count.questions,
    ...(row.status === "open" ? {} : { totals: totalsOf(items) }),
  };
}
