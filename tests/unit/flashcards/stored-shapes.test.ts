import { describe, expect, it } from "vitest";
import { cardStateShape } from "../../../server/src/flashcards/present.ts";
import { cardSourceRow, snapshotSchema, toCardSource } from "../../../server/src/flashcards/repo.ts";

const state = {
  id: "6f1c2a3e-1111-4222-8333-944455556666",
  kind: "bank",
  state: "review",
  due: "2026-12-01T10:00:00.000Z",
  stability: 4.2,
  difficulty: 5.1,
  scheduledDays: 4,
  reps: 3,
  lapses: 0,
  lastReview: "2026-11-27T10:00:00.000Z",
  suspended: false,
  leech: false,
};

describe("a logged review response", () => {
  it("when jsonb handed its keys back in its own order, then it is replayed in the API's order", () => {
    const shuffled = Object.fromEntries(Object.entries(state).reverse());
    expect(JSON.stringify(cardStateShape.parse(shuffled))).toBe(JSON.stringify(state));
  });

  it("when a stored row is not a card state, then decoding fails rather than answering with it", () => {
    expect(() => cardStateShape.parse({ ...state, state: 2 })).toThrow();
  });
});

describe("a logged state before a review", () => {
  it("keeps the numeric FSRS state and what undo puts back", () => {
    const before = { ...state, state: 2, elapsedDays: 4, learningSteps: 0 };
    expect(snapshotSchema.parse(before)).toEqual(before);
    expect(() => snapshotSchema.parse({ ...before, learningSteps: undefined })).toThrow();
  });
});

describe("a card's question source", () => {
  const concept = {
    id: "c",
    label: "A point",
    weight: 1,
    required: false,
    phrases: ["p"],
    hint: "h",
    explanation: "The point.",
  };
  const row = { id: "v1", type: "free-text", slug: "q", prompt: "Why?", modelAnswer: "Because.", misconceptions: [] };

  it("when the driver returns the rubric as JSON text, then it is parsed like an already decoded one", () => {
    const fromText = toCardSource(cardSourceRow.parse({ ...row, concepts: JSON.stringify([concept]) }));
    const fromJson = toCardSource(cardSourceRow.parse({ ...row, concepts: [concept] }));
    expect(fromText).toEqual(fromJson);
    expect(fromJson).toEqual({
      type: "free-text",
      slug: "q",
      prompt: "Why?",
      modelAnswer: "Because.",
      concepts: [concept],
      misconceptions: [],
    });
  });

  it("when the question is a choice question, then it is no source of personal cards", () => {
    expect(
      toCardSource(
        cardSourceRow.parse({ ...row, type: "single-choice", modelAnswer: null, concepts: null, misconceptions: null }),
      ),
    ).toEqual({ type: "other" });
  });
});
