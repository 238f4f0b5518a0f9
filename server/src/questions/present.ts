import type { BankQuestion } from "../content/load.ts";
import type { GradeResult } from "../grading/types.ts";

/** What a version row stores (see content/sync.ts). */
export type VersionBody = BankQuestion extends infer Q ? (Q extends unknown ? Omit<Q, "file"> : never) : never;

export const DEFAULT_TIME_BUDGET = { "single-choice": 60, "multi-choice": 90, "free-text": 240 } as const;

export const timeBudgetOf = (body: VersionBody): number => body.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET[body.type];

/** A question as a candidate may see it before answering: no rubric, model answer or correct flags. */
export function presentQuestion(body: VersionBody, version: number) {
  return {
    slug: body.slug,
    section: body.section,
    type: body.type,
    difficulty: body.difficulty,
    tags: body.tags,
    prompt: body.prompt,
    ...(body.type === "free-text" ? {} : { choices: body.choices.map(({ id, text }) => ({ id, text })) }),
    version,
    timeBudgetSeconds: timeBudgetOf(body),
  };
}

/** Everything that may be shown once the question has been answered. */
export function revealAnswer(body: VersionBody) {
  if (body.type === "free-text") {
    const concepts = Object.fromEntries(
      body.resolvedRubric.concepts.map((c) => [c.id, { label: c.label, explanation: c.explanation }]),
    );
    return { explanation: body.explanation, modelAnswer: body.modelAnswer, concepts };
  }
  return { explanation: body.explanation, choices: body.choices };
}

export type { GradeResult };
