import { z } from "zod";
import type { CardSource } from "./repo.ts";
import { STATE_NAMES, stateName, type SchedState } from "./schedule.ts";

export interface CardContentRow {
  id: string;
  kind: "bank" | "missed";
  conceptId: string | null;
  flashcard: { section: string; front: string; back: string; hint: string | null } | null;
  question: { section: string; currentVersionId: string | null } | null;
}

export interface CardContent {
  front: string;
  back: string;
  hint?: string;
  section: string;
  /** The practice question a personal card came from. */
  questionSlug?: string;
}

/**
 * What a card shows. A personal card is computed from its question's current version each time it is shown —
 * nothing of it is stored but the concept id — so an edited question, or a change to how cards are worded, reaches
 * every existing card. Its front asks for the point without stating it: the concept's label, its explanation and
 * the rubric hint all give it away, so the front names the question and which of its key points is meant (in the
 * rubric's order, which also tells apart two cards from one question). The back answers: the point, its
 * explanation, then the model answer.
 */
export function cardContent(row: CardContentRow, sources: Map<string, CardSource>): CardContent {
  if (row.kind === "bank" && row.flashcard) {
    const f = row.flashcard;
    return { front: f.front, back: f.back, ...(f.hint ? { hint: f.hint } : {}), section: f.section };
  }
  const versionId = row.question?.currentVersionId;
  const body = versionId ? sources.get(versionId) : undefined;
  const section = row.question?.section ?? "unknown";
  if (!body || body.type !== "free-text") {
    return { front: "This card's question is no longer in the bank.", back: "", section };
  }
  const source = { questionSlug: body.slug };
  const concepts = body.concepts;
  const index = concepts.findIndex((c) => c.id === row.conceptId);
  const concept = concepts[index];
  if (!concept) {
    return {
      front: missedFront(body.prompt, "a key point"),
      back: `Model answer: ${body.modelAnswer}`,
      section,
      ...source,
    };
  }
  return {
    front: missedFront(body.prompt, `key point ${index + 1} of ${concepts.length}`),
    back: `${concept.label}.\n\n${concept.explanation}\n\nModel answer: ${body.modelAnswer}`,
    section,
    ...source,
  };
}

function missedFront(prompt: string, which: string): string {
  return `${prompt}\n\nYour answer missed ${which} of a strong answer. What is it?`;
}

/** The question versions whose sources `cardContent` needs for these rows. */
export const sourceVersionIds = (rows: CardContentRow[]): string[] =>
  rows.flatMap((r) => (r.question?.currentVersionId ? [r.question.currentVersionId] : []));

export interface CardRow extends SchedState {
  id: string;
  kind: "bank" | "missed";
  suspended: boolean;
  leech: boolean;
}

export function presentCardState(c: CardRow) {
  return {
    id: c.id,
    kind: c.kind,
    state: stateName(c.state),
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduledDays,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.lastReview ? c.lastReview.toISOString() : null,
    suspended: c.suspended,
    leech: c.leech,
  };
}

export type CardStateResponse = ReturnType<typeof presentCardState>;

/** A card's state as the API states it, in its key order (the HTTP schema and the review log's replay share it). */
export const cardStateShape = z.object({
  id: z.string(),
  kind: z.enum(["bank", "missed"]),
  state: z.enum(STATE_NAMES),
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.string().nullable(),
  suspended: z.boolean(),
  leech: z.boolean(),
}) satisfies z.ZodType<CardStateResponse>;

/** What a log row keeps of the card before a review: everything undo must put back. */
export function snapshot(c: CardRow) {
  return { ...presentCardState(c), elapsedDays: c.elapsedDays, learningSteps: c.learningSteps, state: c.state };
}

export type Snapshot = ReturnType<typeof snapshot>;

export function restoreFrom(s: Snapshot) {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    lastReview: s.lastReview ? new Date(s.lastReview) : null,
    suspended: s.suspended,
    leech: s.leech,
  };
}
