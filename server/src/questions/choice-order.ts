import { randomInt } from "node:crypto";
import type { VersionBody } from "./present.ts";

/** An integer drawn uniformly from [0, max). */
export type RandomInt = (max: number) => number;

/** A uniformly random permutation (Fisher–Yates); `random` is injectable so tests can drive it. */
export function shuffle<T>(items: readonly T[], random: RandomInt = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A fresh presentation order for a choice question, as its choice ids; none for free text. The bank lists correct
 * options first, so serving file order would give the answer away.
 */
export function newChoiceOrder(body: VersionBody, random: RandomInt = randomInt): string[] | null {
  return body.type === "free-text"
    ? null
    : shuffle(
        body.choices.map((c) => c.id),
        random,
      );
}

/** A stored order as read back from the database: a list of ids, or null for anything else (rounds from before). */
export function asChoiceOrder(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((id) => typeof id === "string") ? value : null;
}

/**
 * The choices in the order they were presented; file order without one. Choices the order does not name keep their
 * file order after the named ones, so a stored order can never hide a choice.
 */
export function inPresentedOrder<C extends { id: string }>(
  choices: readonly C[],
  order: readonly string[] | null,
): C[] {
  if (!order) return [...choices];
  const rank = new Map(order.map((id, index) => [id, index]));
  const rankOf = (c: C) => rank.get(c.id) ?? order.length;
  return [...choices].sort((a, b) => rankOf(a) - rankOf(b));
}
