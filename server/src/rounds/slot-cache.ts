export interface Slot {
  id: string;
  questionId: string;
  questionVersionId: string;
}

export interface KnownSlot extends Slot {
  /** The round's owner: a slot is only handed out again to them. */
  userId: string;
}

const MAX_ROUNDS = 10_000;

/**
 * Where each slug sits in each round. A round's questions never change after it is drawn, so this is remembered
 * for the app's life (one per app, not per module, so a test's fresh app starts cold like a restarted process).
 * Kept by round, then slug: a lookup builds no key, and a round read again needs no new entries.
 */
export class SlotCache {
  private readonly rounds = new Map<string, Map<string, KnownSlot>>();

  get(roundId: string, slug: string): KnownSlot | undefined {
    return this.rounds.get(roundId)?.get(slug);
  }

  remember(roundId: string, slug: string, slot: KnownSlot): void {
    this.slotsOf(roundId).set(slug, slot);
  }

  /** Every question of a round (`count` of them, the first time only: they never change). */
  rememberRound(roundId: string, count: number, slots: () => Iterable<[slug: string, slot: KnownSlot]>): void {
    const known = this.slotsOf(roundId);
    if (known.size === count) return;
    for (const [slug, slot] of slots()) known.set(slug, slot);
  }

  private slotsOf(roundId: string): Map<string, KnownSlot> {
    let slots = this.rounds.get(roundId);
    if (!slots) {
      if (this.rounds.size >= MAX_ROUNDS) this.rounds.clear();
      this.rounds.set(roundId, (slots = new Map()));
    }
    return slots;
  }
}
