import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/load.ts";
import { cardContent, type CardContentRow } from "../../../server/src/flashcards/present.ts";
import { cardSourceRow, toCardSource } from "../../../server/src/flashcards/repo.ts";

const question = loadContent("content").questions.find((q) => q.slug === "scenario-backfill")!;
if (question.type !== "free-text") throw new Error("fixture: scenario-backfill is a free-text question");
const { type, slug, prompt, modelAnswer, resolvedRubric } = question;
const stored = {
  id: "v1",
  type,
  slug,
  prompt,
  modelAnswer,
  concepts: resolvedRubric.concepts,
  misconceptions: resolvedRubric.misconceptions,
};
const bodies = new Map([["v1", toCardSource(cardSourceRow.parse(stored))]]);
const missed = (conceptId: string | null, currentVersionId: string | null = "v1"): CardContentRow => ({
  id: "c1",
  kind: "missed",
  conceptId,
  flashcard: null,
  question: { section: "scenarios", currentVersionId },
});

describe("a missed-concept card", () => {
  const concepts = question.resolvedRubric.concepts;

  it("asks on the front for the point by its place in the rubric, giving away neither its label, explanation nor hint", () => {
    concepts.forEach((concept, i) => {
      const card = cardContent(missed(concept.id), bodies);
      expect(card.front).toBe(
        `${question.prompt}\n\nYour answer missed key point ${i + 1} of ${concepts.length} of a strong answer. What is it?`,
      );
      for (const giveaway of [concept.label, concept.explanation, concept.hint])
        expect(card.front).not.toContain(giveaway);
      expect(card).not.toHaveProperty("hint");
    });
  });

  it("answers on the back with the point, its explanation and the model answer, and names its question", () => {
    const concept = concepts[1]!;
    expect(cardContent(missed(concept.id), bodies)).toEqual({
      front: expect.any(String),
      back: `${concept.label}.\n\n${concept.explanation}\n\nModel answer: ${question.modelAnswer}`,
      section: "scenarios",
      questionSlug: "scenario-backfill",
    });
  });

  it("when its concept left the rubric, then it still asks without answering; when its question left the bank, then it says so", () => {
    const orphan = cardContent(missed("no-longer-in-the-rubric"), bodies);
    expect(orphan.front).toBe(`${question.prompt}\n\nYour answer missed a key point of a strong answer. What is it?`);
    expect(orphan.back).toBe(`Model answer: ${question.modelAnswer}`);
    expect(cardContent(missed("x", null), bodies)).toEqual({
      front: "This card's question is no longer in the bank.",
      back: "",
      section: "scenarios",
    });
  });
});
