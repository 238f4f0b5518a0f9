/** Round states as the server sends them (typed by its schema, and held to it when served), for the rounds tests. */
import type { RoundQuestion, RoundState } from "../../../client/src/lib/api-types.ts";

export const ROUND_ID = "3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b";

export const freeTextQuestion = {
  slug: "flink-state",
  position: 0,
  type: "free-text",
  section: "flink",
  difficulty: "medium",
  tags: ["state"],
  title: "Flink state recovery",
  prompt: "How does Flink recover keyed state after a failure?",
  timeBudgetSeconds: 240,
  draft: null as string | string[] | null,
  answer: null as string | string[] | null,
  answeredAt: null as string | null,
  flagged: false,
} satisfies RoundQuestion;

export const choiceQuestion = {
  slug: "spark-latency",
  position: 1,
  type: "single-choice",
  section: "spark-streaming",
  difficulty: "easy",
  tags: ["latency"],
  title: "Structured Streaming's latency limit",
  prompt: "Which requirement pushes a Spark team towards Flink?",
  choices: [
    { id: "under-50ms", text: "Each event within 50 milliseconds" },
    { id: "hourly", text: "An hourly report" },
  ],
  timeBudgetSeconds: 60,
  draft: null as string | string[] | null,
  answer: null as string | string[] | null,
  answeredAt: null as string | null,
  flagged: false,
} satisfies RoundQuestion;

type Question = RoundQuestion;

export function openRound({
  serverNow,
  deadline,
  questions = [freeTextQuestion, choiceQuestion],
}: {
  serverNow: Date;
  deadline: Date;
  questions?: Question[];
}): RoundState {
  return {
    id: ROUND_ID,
    status: "open",
    startedAt: new Date(deadline.getTime() - 30 * 60_000).toISOString(),
    deadline: deadline.toISOString(),
    closedAt: null,
    serverNow: serverNow.toISOString(),
    graceSeconds: 30,
    questions,
  };
}

/** An open round with half an hour left on the real clock. */
export function roundWithTimeLeft(questions?: Question[]) {
  const now = new Date();
  return openRound({ serverNow: now, deadline: new Date(now.getTime() + 30 * 60_000), questions });
}

export function closedRound(status: "finished" | "expired", at: Date) {
  const open = openRound({ serverNow: at, deadline: at });
  return {
    ...open,
    status,
    closedAt: at.toISOString(),
    results: {
      items: [
        {
          slug: freeTextQuestion.slug,
          title: freeTextQuestion.title,
          section: freeTextQuestion.section,
          prompt: freeTextQuestion.prompt,
          type: "free-text",
          answer: "Flink restores state from the last checkpoint.",
          verdict: "partial",
          score: 0.5,
          matched: [{ concept: "checkpoints", evidence: "last checkpoint" }],
          missed: [{ concept: "barriers", hint: "Say how checkpoint barriers line up the operators." }],
          flags: [],
          modelAnswer: "Flink takes consistent snapshots using barriers and restores from the latest one.",
          explanation: "Checkpoints make recovery exactly-once.",
          concepts: {
            checkpoints: { label: "Checkpoints", explanation: "…" },
            barriers: { label: "Checkpoint barriers", explanation: "…" },
          },
          timeSpentSeconds: 95,
          gradedFromDraft: false,
        },
        {
          slug: choiceQuestion.slug,
          title: choiceQuestion.title,
          section: choiceQuestion.section,
          prompt: choiceQuestion.prompt,
          type: "single-choice",
          answer: null,
          verdict: "unanswered",
          score: 0,
          matched: [],
          missed: [],
          flags: [],
          explanation: "Sub-second latency is Flink's territory.",
          choices: [
            {
              id: "under-50ms",
              text: "Each event within 50 milliseconds",
              correct: true,
              feedback: "Right: micro-batches can't.",
            },
            { id: "hourly", text: "An hourly report", correct: false, feedback: "Batch does that." },
          ],
          timeSpentSeconds: null,
          gradedFromDraft: false,
        },
      ],
      totals: {
        questions: 2,
        correct: 0,
        partial: 1,
        incorrect: 0,
        unanswered: 1,
        score: 0.5,
        maxScore: 2,
        percent: 25,
      },
    },
  } satisfies RoundState;
}

export const roundPath = `/api/rounds/${ROUND_ID}`;
