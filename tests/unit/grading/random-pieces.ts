/**
 * `count` pieces drawn from `pieces` by a seeded linear congruential generator, so a property test's inputs are the
 * same on every run and a failure names its seed.
 */
export function randomPieces<T>(seed: number, count: number, pieces: readonly T[]): T[] {
  let s = seed;
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(pieces[(s >>> 16) % pieces.length]!);
  }
  return out;
}

/** Random text of `length` characters over `alphabet`. */
export const randomText = (seed: number, length: number, alphabet: string) =>
  randomPieces(seed, length, [...alphabet]).join("");
