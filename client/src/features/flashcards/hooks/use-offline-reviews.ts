import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { postReview, type ReviewInput } from "../api/flashcards";
import { pendingReviews, type PendingReview } from "../utils/pending-reviews";
import { isNetworkError, type SessionMessage } from "../utils/session-message";

type OfflineReviewsOptions = {
  userId: string;
  /** Called with each card whose kept rating has reached the server (or could no longer count). */
  onSent: (cardId: string) => void;
  setMessage: Dispatch<SetStateAction<SessionMessage | null>>;
  refreshQueue: () => Promise<unknown>;
};

/**
 * Ratings kept on this device while offline: stored per user, sent oldest first with the reviewIds chosen then (the
 * server ignores repeats) when the connection is back, and retried while anything waits.
 */
export function useOfflineReviews({ userId, onSent, setMessage, refreshQueue }: OfflineReviewsOptions) {
  const [pending, setPending] = useState<PendingReview[]>(() => pendingReviews.read(userId));
  const [online, setOnline] = useState(() => typeof navigator === "undefined" || navigator.onLine !== false);
  const flushing = useRef(false);

  const savePending = useCallback(
    (update: (items: PendingReview[]) => PendingReview[]) => {
      const next = update(pendingReviews.read(userId));
      pendingReviews.write(userId, next);
      setPending(next);
      return next;
    },
    [userId],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      let items = pendingReviews.read(userId);
      while (items.length) {
        const item = items[0]!;
        try {
          await postReview(item);
        } catch (error) {
          if (isNetworkError(error)) {
            setOnline(false);
            return;
          }
          // The card was deleted or suspended meanwhile: that rating can no longer count.
          setMessage({ text: `One offline rating could not be saved: ${(error as Error).message}`, tone: "error" });
        }
        items = savePending((all) => all.filter((p) => p.reviewId !== item.reviewId));
        onSent(item.cardId);
      }
      setOnline(true);
      setMessage((m) =>
        m?.tone === "info" ? { text: "Back online: your offline ratings were saved.", tone: "info" } : m,
      );
      await refreshQueue();
    } finally {
      flushing.current = false;
    }
  }, [userId, savePending, onSent, setMessage, refreshQueue]);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    };
  }, [flush]);

  // Left over from an earlier visit, or the "online" event was missed: keep trying while anything waits.
  useEffect(() => {
    if (!pending.length) return;
    void flush();
    const timer = window.setInterval(() => void flush(), 5000);
    return () => window.clearInterval(timer);
  }, [pending.length, flush]);

  const keepOffline = useCallback(
    (input: ReviewInput) => {
      savePending((items) => [
        ...items.filter((p) => p.reviewId !== input.reviewId),
        { ...input, ratedAt: new Date().toISOString() },
      ]);
      setOnline(false);
      setMessage({
        text: "You're offline. Your ratings are kept on this device and will be sent when the connection is back.",
        tone: "info",
      });
    },
    [savePending, setMessage],
  );

  /** Takes back the newest kept rating, if there is one, and returns it. */
  const takeBackLast = useCallback((): PendingReview | undefined => {
    const last = pendingReviews.read(userId).at(-1);
    if (last) savePending((items) => items.slice(0, -1));
    return last;
  }, [userId, savePending]);

  return { pending, online, keepOffline, takeBackLast };
}
