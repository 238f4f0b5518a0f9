import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/load.ts";
import { presentRound } from "../../../server/src/rounds/present.ts";
import type { LoadedRound } from "../../../server/src/rounds/repo.ts";
import { roundJson } from "../../../server/src/rounds/round-json.ts";

const bank = loadContent("content");
const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE = "scenario-realtime-dashboard-choice";
const FREE = "arch-kappa";
const NOW = new Date("2026-03-02T10:05:00.000Z");
const body = (slug: string) => bank.questions.find((q) => q.slug === slug)!;
const choiceIds = (() => {
  const q = body(CHOICE);
  return q.type === "free-text" ? [] : q.choices.map((c) => c.id);
})();

type Question = LoadedRound["questions"][number];
const answered = (response: string, idempotencyKey: string | null): Question["answer"] => ({
  id: `a-${response}`,
  response,
  grade: {
    score: 1,
    verdict: "correct",
    matched: [],
    missed: [],
    flags: [],
    confidence: "high",
    confidenceReasons: [],
  },
  submittedAt: new Date("2026-03-02T10:02:00.000Z"),
  timeSpentSeconds: 42,
  idempotencyKey,
});

function round(status: LoadedRound["status"], overrides: Partial<Record<string, Partial<Question>>> = {}): LoadedRound {
  const questions = [PARENT, FOLLOW, CHOICE, FREE].map((slug, position) => ({
    id: `rq-${slug}`,
    questionId: `q-${slug}`,
    questionVersionId: `v-${slug}`,
    position,
    draft: null,
    choiceOrder: null,
    flagged: false,
    answer: null,
    body: body(slug),
    ...overrides[slug],
  }));
  return {
    id: "5b0f3c55-6d8e-4f3a-9a57-2c8f4e9d1a10",
    userId: "u-1",
    status,
    timeLimitSeconds: 600,
    startedAt: new Date("2026-03-02T10:00:00.000Z"),
    deadline: new Date("2026-03-02T10:10:00.000Z"),
    closedAt: status === "open" ? null : NOW,
    questions,
  };
}

const same = (r: LoadedRound) => {
  const expected = JSON.stringify(presentRound(r, NOW, 5, bank.lexicon));
  // Twice: the second time the questions' fixed parts come from the cache.
  expect(roundJson(r, NOW, 5, bank.lexicon)).toBe(expected);
  expect(roundJson(r, NOW, 5, bank.lexicon)).toBe(expected);
};

describe("a round's JSON, built from cached question parts", () => {
  it("when the round is open with a locked follow-up, drafts and flags, then it is exactly presentRound's JSON", () => {
    same(
      round("open", { [FREE]: { draft: "Kappa: replay the log", flagged: true }, [CHOICE]: { draft: choiceIds[0] } }),
    );
  });

  it("when the parent is answered and choices are shuffled, then the unlocked follow-up and the order match too", () => {
    same(
      round("open", {
        [PARENT]: { answer: answered("Flink", "k-1") },
        [CHOICE]: { choiceOrder: [...choiceIds].reverse() },
      }),
    );
    same(round("open", { [CHOICE]: { choiceOrder: [...choiceIds].reverse() } }));
  });

  it("when the round is closed, then the results match as well", () => {
    same(
      round("expired", { [PARENT]: { answer: answered("Flink", null) }, [FREE]: { answer: answered("Kappa", "k-2") } }),
    );
  });
});
