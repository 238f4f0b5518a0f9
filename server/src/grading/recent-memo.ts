import { hashOf, sameChars } from "./text-hash.ts";

/** What the memo holds: an entry knows the word it was made for. */
export interface Keyed {
  readonly raw: string;
}

/**
 * A memo of words as written, at most `limit` of them, found by their characters where they stand in the text being
 * read: a `Map` needed each word cut out as a string of its own first, a copy and a hash for every word of every
 * answer. It keeps what is in use: entries go into a young table, and when that holds half the limit it becomes the
 * old table (the previous old one is dropped); an entry found only in the old table moves back to the young one.
 * Words answers keep using survive every turnover while one-off spellings (typos) age out, where clearing everything
 * at the limit re-derived every common word after each clear.
 */
export class RecentMemo<V extends Keyed> {
  private young = new Table<V>();
  private old = new Table<V>();

  /** How many entries the young table takes before it turns old: the two together hold at most `limit`. */
  private readonly half: number;

  constructor(
    limit: number,
    /** Makes the entry for a word the memo lacks. */
    private readonly make: (raw: string) => V,
  ) {
    if (!(limit >= 2)) throw new RangeError(`a recent memo needs a limit of at least 2, not ${limit}`);
    this.half = Math.floor(limit / 2);
  }

  /** The entry for the word `text` holds from `start` to `end`, made (and kept) when the memo lacks it. */
  get(text: string, start: number, end: number): V {
    const hash = hashOf(text, start, end);
    const hit = this.young.find(text, start, end, hash);
    if (hit !== undefined) return hit;
    const entry = this.old.find(text, start, end, hash) ?? this.make(text.slice(start, end));
    if (this.young.count >= this.half) {
      this.old = this.young;
      this.young = new Table();
    }
    this.young.add(entry, hash);
    return entry;
  }

  /** Entries held, counting one moved back to the young table twice until its old copy is dropped. */
  get size(): number {
    return this.young.count + this.old.count;
  }

  clear(): void {
    this.young = new Table();
    this.old = new Table();
  }
}

/** Open addressing by the words' hashes, kept at most half full; it grows as entries come. */
class Table<V extends Keyed> {
  count = 0;
  private hashes = new Int32Array(16);
  private entries: (V | undefined)[] = new Array<V | undefined>(16).fill(undefined);

  find(text: string, start: number, end: number, hash: number): V | undefined {
    const { hashes, entries } = this;
    const mask = entries.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = entries[slot];
      if (entry === undefined) return undefined;
      if (
        hashes[slot] === hash &&
        entry.raw.length === end - start &&
        sameChars(entry.raw, 0, text, start, end - start)
      )
        return entry;
    }
  }

  add(entry: V, hash: number): void {
    if (2 * (this.count + 1) > this.entries.length) this.grow();
    this.place(entry, hash);
    this.count++;
  }

  private place(entry: V, hash: number): void {
    const mask = this.entries.length - 1;
    let slot = hash & mask;
    while (this.entries[slot] !== undefined) slot = (slot + 1) & mask;
    this.entries[slot] = entry;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const { hashes, entries } = this;
    this.hashes = new Int32Array(2 * entries.length);
    this.entries = new Array<V | undefined>(2 * entries.length).fill(undefined);
    for (let slot = 0; slot < entries.length; slot++)
      if (entries[slot] !== undefined) this.place(entries[slot]!, hashes[slot]!);
  }
}
