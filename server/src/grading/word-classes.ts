/**
 * Closed word classes as bits on each token, so a pass over an answer tests bits instead of looking its words up
 * in sets: a set lookup costs ~15 ns on an answer's (uninterned) words, a grading made several thousand, and the
 * lexer computes a spelling's bits once. A class is registered at module load from the set of words that defines
 * it, or from a test on a word (as for words whose stem is in a set).
 */
const classes: ((word: string) => boolean)[] = [];

/** Registers a class, given by its words or by a test on a word; returns its bit. */
export function wordClass(words: ReadonlySet<string> | ((word: string) => boolean)): number {
  if (classes.length === 31) throw new Error("at most 31 word classes fit in a token's bits");
  classes.push(typeof words === "function" ? words : (word) => words.has(word));
  return 1 << (classes.length - 1);
}

/** How many classes are registered: bits computed before a registration lack the newer classes. */
export function wordClassCount(): number {
  return classes.length;
}

/** The bits of every registered class `word` belongs to. */
export function classesOf(word: string): number {
  let bits = 0;
  for (let i = 0; i < classes.length; i++) if (classes[i]!(word)) bits |= 1 << i;
  return bits;
}
