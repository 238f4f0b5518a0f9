/**
 * The terms of a question's labelled answers, numbered, and a reader that finds them in a new answer without
 * building a string per word: on the grading path the vote read each answer as ~100 small strings before this
 * (split, stemmed, looked up), which cost more than the arithmetic of the vote itself.
 */

const isLetter = (c: number) => c >= 97 && c <= 122;
const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/** Where a word's rough stem ends: the longest of -ing, -ed, -es, -s goes. */
function stemEnd(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  const second = end - 2 >= start ? text.charCodeAt(end - 2) : -1;
  if (last === 103 && second === 110 && end - 3 >= start && text.charCodeAt(end - 3) === 105) return end - 3;
  if (second === 101 && (last === 100 || last === 115)) return end - 2;
  return last === 115 ? end - 1 : end;
}

/** FNV-1a over a slice of char codes. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Whether `a` from `aStart` and `b` from `bStart` hold the same `length` characters. */
function sameChars(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

/** Calls `visit` with where each word of the lower-cased text (a run of a–z and 0–9) starts and its stem ends. */
function forEachWord(lower: string, visit: (start: number, end: number) => void): void {
  for (let i = 0; i < lower.length;) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lower.length && isWordChar(lower.charCodeAt(end))) end++;
    visit(i, stemEnd(lower, i, end));
    i = end;
  }
}

/** The lower-cased text's words (runs of a–z and 0–9), each cut to its rough stem. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  forEachWord(lower, (start, end) => out.push(lower.slice(start, end)));
  return out;
}

/**
 * Whether the lower-cased text has at least `n` different runs of four letters or more: below that an answer says
 * too little for its neighbours to judge it.
 */
export function hasContentWords(lower: string, n: number): boolean {
  // Where each different run starts and ends, in pairs: the text holds their characters.
  const seen: number[] = [];
  for (let i = 0; i < lower.length;) {
    if (!isLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lower.length && isLetter(lower.charCodeAt(end))) end++;
    if (end - i >= 4 && !holds(seen, lower, i, end)) {
      seen.push(i, end);
      if (seen.length >= 2 * n) return true;
    }
    i = end;
  }
  return false;
}

function holds(seen: number[], text: string, start: number, end: number): boolean {
  for (let k = 0; k < seen.length; k += 2)
    if (seen[k + 1]! - seen[k]! === end - start && sameChars(text, seen[k]!, text, start, end - start)) return true;
  return false;
}

/** Distinct terms of a text and how often each occurs, in `terms[0..length)` and `counts[0..length)`. */
export interface TermCounts {
  terms: Int32Array;
  counts: Int32Array;
  length: number;
}

/**
 * A word as written in an answer, as another reader (the lexer) already looked it up: the vocabulary keeps its own
 * numbers for the spelling on it, so a spelling is found once per reader instead of being hashed and probed again
 * for the vote on every answer that uses it.
 */
export interface Spelling {
  /** The word as written, as the lexer cut it: no letter or digit touches it on either side. */
  readonly raw: string;
  /**
   * As `numberedBy` numbered the spelling's words (-1 for a word it lacks): the number of its one word in `term`, with
   * `terms` null; otherwise all of them in `terms` ("wouldn't" holds two, "é" none). One number is kept inline since
   * nearly every spelling is one word, and a list per spelling would be one more cache line to fetch per word.
   */
  term: number;
  terms: Int32Array | null;
  numberedBy: object | null;
}

/** Int32s per word slot: number, hash, start and end of its characters. */
const SLOT = 4;

/**
 * A question's vocabulary: its exemplars' stemmed words and the pairs of neighbouring words, so "micro batches"
 * meets "micro-batch" and order within a pair counts ("not exactly-once" differs from "exactly-once"). Terms are
 * numbered, words first (in order of first use), then pairs.
 */
export class Vocabulary {
  readonly size: number;
  private readonly wordCount: number;
  /**
   * Open addressing over the words' hashes, so an answer's word is found from its characters alone: per slot the
   * word's number (-1 when empty), its hash, and where its characters start and end in one string of every word's,
   * side by side. The vote runs right after the rubric has filled the cache with other tables, so each lookup
   * touches as few lines as it can.
   */
  private readonly slots: Int32Array;
  private readonly spelling: string;
  /**
   * Open addressing over pair keys (first word's number × words + second's), each beside its pair's term number;
   * keys are doubles, exact however large the vocabulary.
   */
  private readonly pairs: Float64Array;
  private readonly pairMask: number;
  private readonly pairShift: number;

  constructor(texts: readonly string[]) {
    const words = new Map<string, number>();
    const pairs = new Map<number, number>();
    const split = texts.map(wordsOf);
    for (const ws of split) for (const w of ws) if (!words.has(w)) words.set(w, words.size);
    for (const ws of split)
      for (let i = 1; i < ws.length; i++) {
        const key = words.get(ws[i - 1]!)! * words.size + words.get(ws[i]!)!;
        if (!pairs.has(key)) pairs.set(key, words.size + pairs.size);
      }
    this.wordCount = words.size;
    this.size = words.size + pairs.size;
    // Zero outside `countTerms`, so bigger ones lose nothing.
    if (scratch.tallies.length < this.size) {
      scratch.tallies = new Int32Array(this.size);
      scratch.present = new Int32Array((this.size + 31) >>> 5);
    }
    let capacity = 16;
    while (capacity < words.size * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT);
    for (let slot = 0; slot < capacity; slot++) this.slots[SLOT * slot] = -1;
    this.spelling = [...words.keys()].join("");
    let from = 0;
    for (const [word, id] of words) {
      const h = hashOf(word, 0, word.length);
      let slot = h & (capacity - 1);
      while (this.slots[SLOT * slot] !== -1) slot = (slot + 1) & (capacity - 1);
      this.slots.set([id, h, from, from + word.length], SLOT * slot);
      from += word.length;
    }
    // Up to two thirds full: probes stay within a cache line or two, and the table, read ~60 times an answer at
    // random, is half the size it is kept at most half full.
    let bits = 4;
    while (1 << bits < pairs.size * 1.5) bits++;
    this.pairShift = 32 - bits;
    this.pairMask = (1 << bits) - 1;
    this.pairs = new Float64Array(2 << bits);
    for (let slot = 0; slot <= this.pairMask; slot++) this.pairs[2 * slot] = -1;
    for (const [key, term] of pairs) {
      let slot = this.pairSlot(key);
      while (this.pairs[2 * slot] !== -1) slot = (slot + 1) & this.pairMask;
      this.pairs[2 * slot] = key;
      this.pairs[2 * slot + 1] = term;
    }
  }

  /** Fibonacci hashing: the top bits of the key's low 32 bits times 2^32 / φ. */
  private pairSlot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.pairShift;
  }

  private pairOf(key: number): number {
    for (let slot = this.pairSlot(key); this.pairs[2 * slot] !== -1; slot = (slot + 1) & this.pairMask)
      if (this.pairs[2 * slot] === key) return this.pairs[2 * slot + 1]!;
    return -1;
  }

  private idOf(text: string, start: number, end: number): number {
    const h = hashOf(text, start, end);
    const { slots } = this;
    // Slots come in fours and their count is a power of two, so the table wraps by masking.
    const wrap = slots.length - 1;
    for (let at = (SLOT * h) & wrap; slots[at] !== -1; at = (at + SLOT) & wrap) {
      if (slots[at + 1] !== h || slots[at + 3]! - slots[at + 2]! !== end - start) continue;
      if (sameChars(this.spelling, slots[at + 2]!, text, start, end - start)) return slots[at]!;
    }
    return -1;
  }

  /**
   * The lower-cased text's known terms, each once with how often it occurs, in ascending order of term number (so
   * the vote adds its floating-point terms in one fixed order). The result is a view of buffers the next call
   * overwrites.
   */
  countTerms(lower: string): TermCounts {
    let count = 0;
    forEachWord(lower, (start, end) => {
      if (count === scratch.ids.length) scratch.ids = grown(scratch.ids);
      scratch.ids[count++] = this.idOf(lower, start, end);
    });
    return this.counted(count);
  }

  /**
   * `countTerms` of a text given as its spellings in order: the same terms, since every word of the lower-cased text
   * lies inside one spelling. Each spelling's numbers are kept on it for the next answer that uses it.
   */
  countSpellings(spellings: readonly Spelling[]): TermCounts {
    let count = 0;
    for (let s = 0; s < spellings.length; s++) {
      const spelling = spellings[s]!;
      if (spelling.numberedBy !== this) this.number(spelling);
      const terms = spelling.terms;
      if (terms === null) {
        if (count === scratch.ids.length) scratch.ids = grown(scratch.ids);
        scratch.ids[count++] = spelling.term;
      } else
        for (let k = 0; k < terms.length; k++) {
          if (count === scratch.ids.length) scratch.ids = grown(scratch.ids);
          scratch.ids[count++] = terms[k]!;
        }
    }
    return this.counted(count);
  }

  private number(spelling: Spelling): void {
    const lower = spelling.raw.toLowerCase();
    const ids: number[] = [];
    forEachWord(lower, (start, end) => ids.push(this.idOf(lower, start, end)));
    spelling.term = ids.length === 1 ? ids[0]! : -1;
    spelling.terms = ids.length === 1 ? null : Int32Array.from(ids);
    spelling.numberedBy = this;
  }

  /** The terms of the `count` word numbers in `scratch.ids`: the words, then the pairs of neighbours. */
  private counted(count: number): TermCounts {
    const { ids, counted: out, tallies, present } = scratch;
    for (let i = 0; i < count; i++) if (ids[i]! >= 0) tally(ids[i]!);
    for (let i = 1; i < count; i++) {
      const a = ids[i - 1]!;
      const b = ids[i]!;
      if (a < 0 || b < 0) continue;
      const pair = this.pairOf(a * this.wordCount + b);
      if (pair >= 0) tally(pair);
    }
    if (out.terms.length < count * 2) {
      out.terms = new Int32Array(count * 2);
      out.counts = new Int32Array(count * 2);
    }
    // Read the present terms off the bit set in ascending order, clearing counts and bits behind: a sort of every
    // occurrence cost more than this whole count.
    let n = 0;
    for (let w = 0, words = (this.size + 31) >>> 5; w < words; w++) {
      for (let bits = present[w]!; bits !== 0; bits &= bits - 1) {
        const term = (w << 5) | (31 - Math.clz32(bits & -bits));
        out.terms[n] = term;
        out.counts[n++] = tallies[term]!;
        tallies[term] = 0;
      }
      present[w] = 0;
    }
    out.length = n;
    return out;
  }
}

/**
 * Scratch for `countTerms`, shared by every vocabulary: grading is single-threaded and each result is read before the
 * next call. One set of buffers stays in cache, where a set per question was cold whenever that question's turn came
 * round. While a text is read `tallies` holds each term's count and `present` a bit per term seen; both are all zero
 * otherwise.
 */
const scratch = {
  ids: new Int32Array(256),
  counted: { terms: new Int32Array(512), counts: new Int32Array(512), length: 0 } as TermCounts,
  tallies: new Int32Array(1024),
  present: new Int32Array(32),
};

/** Counts one occurrence of `term` in the text being read. */
function tally(term: number): void {
  if (scratch.tallies[term]!++ === 0) scratch.present[term >>> 5]! |= 1 << (term & 31);
}

function grown(buffer: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(buffer.length * 2);
  bigger.set(buffer);
  return bigger;
}
