import { localStore } from "../../../lib/storage";
import type { ReviewInput } from "../api/flashcards";

/** Ratings made while offline, kept on this device (per user) until the server has them. */
export type PendingReview = ReviewInput & { ratedAt: string };

const key = (userId: string) => `wm.flashcards.pending.${userId}`;

export const pendingReviews = {
  read(userId: string): PendingReview[] {
    const value = localStore.read<PendingReview[]>(key(userId));
    return Array.isArray(value) ? value : [];
  },
  write(userId: string, items: PendingReview[]): void {
    if (items.length) localStore.write(key(userId), items);
    else localStore.remove(key(userId));
  },
};
