import type { BankQuestion } from "../content/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { inPresentedOrder } from "./choice-order.ts";

/** What a version row stores (see content/sync.ts). */
export type VersionBody = BankQuestion extends infer Q ? (Q extends unknown ? Omit<Q, "file"> : never) : never;

export const DEFAULT_TIME_BUDGET = { "single-choice": 60, "multi-choice": 90, "free-text": 240 } as const;

export const timeBudgetOf = (body: VersionBody): number => body.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET[body.type];

const TITLE_FROM_PROMPT_LENGTH = 60;

/**
 * What a person reads where a question is listed. Versions stored before questions had titles fall back to the
 * start of the prompt, cut at a word: never the slug, which is an identifier, not a name.
 */
export function titleOf(body: { title?: string | undefined; prompt: string }): string {
  if (body.title) return body.title;
  const prompt = body.prompt.replace(/\s+/g, " ").trim();
  if (prompt.length <= TITLE_FROM_PROMPT_LENGTH) return prompt;
  const cut = prompt.slice(0, TITLE_FROM_PROMPT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/**
 * A question as a candidate may see it before answering: no rubric, model answer or correct flags, and the choices
 * in `choiceOrder` (file order when null).
 */
export function presentQuestion(body: VersionBody, version: number, choiceOrder: readonly string[] | null) {
  return {
    slug: body.slug,
    title: titleOf(body),
    section: body.section,
    type: body.type,
    difficulty: body.difficulty,
    tags: body.tags,
    prompt: body.prompt,
    ...(body.followUpOf ? { followUpOf: body.followUpOf } : {}),
    ...(body.type === "free-text"
      ? {}
      : { choices: inPresentedOrder(body.choices, choiceOrder).map(({ id, text }) => ({ id, text })) }),
    version,
    timeBudgetSeconds: timeBudgetOf(body),
  };
}

/**
 * Everything that may be shown once the question has been answered. A "which framework" question also names its
 * options, so feedback can say which one the answer committed to. Choices keep the order they were presented in.
 */
export function revealAnswer(
  body: VersionBody,
  lexicon: Pick<Lexicon, "options">,
  choiceOrder: readonly string[] | null,
) {
  if (body.type === "free-text") {
    const concepts = Object.fromEntries(
      body.resolvedRubric.concepts.map((c) => [c.id, { label: c.label, explanation: c.explanation }]),
    );
    const choice = body.resolvedRubric.choice;
    const named = choice && new Set([...choice.expected, ...choice.alternatives]);
    const options =
      named && Object.fromEntries(lexicon.options.filter((o) => named.has(o.id)).map((o) => [o.id, o.label]));
    return { explanation: body.explanation, modelAnswer: body.modelAnswer, concepts, ...(options ? { options } : {}) };
  }
  return { explanation: body.explanation, choices: inPresentedOrder(body.choices, choiceOrder) };
}
