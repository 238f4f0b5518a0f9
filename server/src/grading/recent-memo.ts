/**
 * A memo of at most `limit` entries that keeps what is in use: entries go into a young map, and when that holds half
 * the limit it becomes the old map (the previous old one is dropped); an entry found only in the old map moves back
 * to the young one. Words answers keep using survive every turnover while one-off spellings (typos) age out, where
 * clearing everything at the limit re-derived every common word after each clear.
 */
export class RecentMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** How many entries the young map takes before it turns old: the two together hold at most `limit`. */
  private readonly half: number;

  constructor(limit: number) {
    if (!(limit >= 2)) throw new RangeError(`a recent memo needs a limit of at least 2, not ${limit}`);
    this.half = Math.floor(limit / 2);
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held, counting one moved back to the young map twice until its old copy is dropped. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
