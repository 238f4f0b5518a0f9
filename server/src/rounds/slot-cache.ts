export interface Slot {
  id: string;
  questionId: string;
  questionVersionId: string;
}

export interface KnownSlot extends Slot {
  /** The round's owner: a slot is only handed out again to them. */
  userId: string;
}

const MAX_SLOTS = 100_000;

/**
 * Where each slug sits in each round. A round's questions never change after it is drawn, so this is remembered
 * for the app's life (one per app, not per module, so a test's fresh app starts cold like a restarted process).
 */
export class SlotCache {
  private readonly slots = new Map<string, KnownSlot>();

  get(roundId: string, slug: string): KnownSlot | undefined {
    return this.slots.get(`${roundId}/${slug}`);
  }

  remember(roundId: string, slug: string, slot: KnownSlot): void {
    if (this.slots.size >= MAX_SLOTS) this.slots.clear();
    this.slots.set(`${roundId}/${slug}`, slot);
  }
}
