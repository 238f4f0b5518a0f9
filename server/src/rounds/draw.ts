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
