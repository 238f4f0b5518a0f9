import { AppError } from "../http/index.ts";
import type { VersionBody } from "./present.ts";

/** Why a client's shown order cannot be the order of this question's choices; null when it is a permutation of them. */
export function shownOrderProblem(body: VersionBody, order: readonly string[]): string | null {
  if (body.type === "free-text") return "a free-text question has no choices to order";
  const ids = new Set(body.choices.map((c) => c.id));
  const repeated = order.filter((id, i) => order.indexOf(id) !== i);
  if (repeated.length) return `choice ids must not repeat: ${[...new Set(repeated)].join(", ")}`;
  const unknown = order.filter((id) => !ids.has(id));
  if (unknown.length) return `unknown choice id(s): ${unknown.join(", ")}`;
  const missing = [...ids].filter((id) => !order.includes(id));
  if (missing.length) return `every choice must be listed once; missing: ${missing.join(", ")}`;
  return null;
}

/**
 * Rejects a shown order that is not exactly this question's choices (a 400): a stored order that named a choice twice
 * or left one out would reveal the answer differently from what the candidate saw.
 */
export function checkShownOrder(body: VersionBody, order: readonly string[] | undefined): void {
  if (order === undefined) return;
  const problem = shownOrderProblem(body, order);
  if (problem)
    throw new AppError("validation_failed", "The choice order does not fit the question", [
      { path: "choiceOrder", message: problem },
    ]);
}
