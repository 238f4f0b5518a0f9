import { randomInt } from "node:crypto";

/** Picks `count` distinct items uniformly at random (partial Fisher–Yates); fewer if there are fewer. */
export function drawRandom<T>(items: readonly T[], count: number, random: (max: number) => number = randomInt): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/**
 * Draws a round of `count` questions where a drawn parent brings its follow-ups along, right after it. Parents are
 * taken in random order; one whose whole chain does not fit in what is left is passed over for another that does.
 * Only when no whole chain fits any more is the remainder filled with a passed-over parent and as many of its
 * follow-ups as fit (the chain cut short, never a follow-up without its parent). Fewer when the pool runs out.
 */
export function drawWithChains<T>(
  parents: readonly T[],
  chainBelow: (parent: T) => readonly T[],
  count: number,
  random: (max: number) => number = randomInt,
): T[] {
  const drawn: T[] = [];
  const passedOver: T[][] = [];
  for (const parent of drawRandom(parents, parents.length, random)) {
    const chain = [parent, ...chainBelow(parent)];
    if (chain.length <= count - drawn.length) drawn.push(...chain);
    else passedOver.push(chain);
  }
  for (const chain of passedOver) {
    if (drawn.length >= count) break;
    drawn.push(...chain.slice(0, count - drawn.length));
  }
  return drawn;
}
