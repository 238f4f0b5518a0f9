import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { newRequestId } from "../../../lib/request-id";
import { localStore } from "../../../lib/storage";
import { flashcardKeys, postReview, postSetAside, postUndo, useQueue, type QueueCard, type Rating, type ReviewInput } from "../api/flashcards";
import { pendingReviews, type PendingReview } from "../utils/pending-reviews";

const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;
const today = () => new Date().toLocaleDateString("en-CA");
const doneKey = (userId: string) => `wm.flashcards.done.${userId}`;

/**
 * One review session: which card is showing, whether its answer is revealed, rating (sent in order, or kept on this
 * device while offline and sent with the same reviewId when the connection is back), undo and progress.
 * The server's queue is the truth; after each rating it is fetched again, so a reload simply resumes.
 */
export function useReviewSession(userId: string, sections: readonly string[]) {
  const client = useQueryClient();
  const queue = useQueue(sections);
  const [pending, setPending] = useState<PendingReview[]>(() => pendingReviews.read(userId));
  // Card id → when its rating reached the server (Infinity while in flight): hidden until a newer queue arrives.
  const [hidden, setHidden] = useState<ReadonlyMap<string, number>>(new Map());
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const [online, setOnline] = useState(() => typeof navigator === "undefined" || navigator.onLine !== false);
  const [message, setMessage] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const [done, setDone] = useState<number>(() => {
    const saved = localStore.read<{ date: string; count: number }>(doneKey(userId));
    return saved?.date === today() ? saved.count : 0;
  });
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const flushing = useRef(false);
  const shownAt = useRef(Date.now());

  const bumpDone = useCallback(
    (delta: number) =>
      setDone((d) => {
        const count = Math.max(0, d + delta);
        localStore.write(doneKey(userId), { date: today(), count });
        return count;
      }),
    [userId],
  );

  const hide = (id: string, at: number) => setHidden((m) => new Map(m).set(id, at));
  const unhide = (id: string) =>
    setHidden((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  const savePending = useCallback(
    (update: (items: PendingReview[]) => PendingReview[]) => {
      const next = update(pendingReviews.read(userId));
      pendingReviews.write(userId, next);
      setPending(next);
      return next;
    },
    [userId],
  );
  const refreshQueue = useCallback(() => client.invalidateQueries({ queryKey: flashcardKeys.queue }), [client]);

  const dataAt = queue.dataUpdatedAt;
  const cards = useMemo(() => {
    const pendingIds = new Set(pending.map((p) => p.cardId));
    const visible = (queue.data?.cards ?? []).filter((c) => !pendingIds.has(c.id) && !((hidden.get(c.id) ?? -1) >= dataAt));
    const first = visible.findIndex((c) => c.id === priorityId);
    return first > 0 ? [visible[first]!, ...visible.slice(0, first), ...visible.slice(first + 1)] : visible;
  }, [queue.data, pending, hidden, dataAt, priorityId]);

  const current: QueueCard | undefined = cards[0];
  const revealed = !!current && revealedId === current.id;
  const counts = queue.data?.counts ?? { learning: 0, review: 0, new: 0 };
  const hiddenInQueue = (queue.data?.cards.length ?? 0) - cards.length;
  const left = Math.max(cards.length, counts.learning + counts.review + counts.new - hiddenInQueue);

  useEffect(() => {
    shownAt.current = Date.now();
  }, [current?.id, done]);

  /** Sends what was rated offline, oldest first, with the reviewIds chosen then (the server ignores repeats). */
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
        hide(item.cardId, Date.now());
      }
      setOnline(true);
      setMessage((m) => (m?.tone === "info" ? { text: "Back online: your offline ratings were saved.", tone: "info" } : m));
      await refreshQueue();
    } finally {
      flushing.current = false;
    }
  }, [userId, savePending, refreshQueue]);

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
      savePending((items) => [...items.filter((p) => p.reviewId !== input.reviewId), { ...input, ratedAt: new Date().toISOString() }]);
      setOnline(false);
      setMessage({ text: "You're offline. Your ratings are kept on this device and will be sent when the connection is back.", tone: "info" });
    },
    [savePending],
  );

  const send = useCallback(
    async (input: ReviewInput) => {
      try {
        await postReview(input);
        hide(input.cardId, Date.now());
        await refreshQueue();
      } catch (error) {
        if (isNetworkError(error)) return keepOffline(input);
        unhide(input.cardId);
        bumpDone(-1);
        setMessage({ text: `That rating was not saved: ${(error as Error).message}`, tone: "error" });
        await refreshQueue();
      }
    },
    [keepOffline, bumpDone, refreshQueue],
  );

  const reveal = useCallback(() => {
    if (current) setRevealedId(current.id);
  }, [current]);

  const rate = useCallback(
    (rating: Rating) => {
      if (!current || !revealed) return;
      const input: ReviewInput = { cardId: current.id, rating, reviewId: newRequestId(), durationMs: Math.min(Date.now() - shownAt.current, 3_600_000) };
      hide(current.id, Infinity);
      setRevealedId(null);
      if (priorityId === current.id) setPriorityId(null);
      bumpDone(1);
      if (message?.tone === "error") setMessage(null);
      if (pending.length || !online) {
        keepOffline(input);
        return;
      }
      chain.current = chain.current.then(() => send(input));
    },
    [current, revealed, priorityId, bumpDone, message, pending.length, online, keepOffline, send],
  );

  const undo = useCallback(() => {
    const offline = pendingReviews.read(userId);
    if (offline.length) {
      const last = offline[offline.length - 1]!;
      savePending((items) => items.slice(0, -1));
      unhide(last.cardId);
      setPriorityId(last.cardId);
      setRevealedId(null);
      bumpDone(-1);
      setMessage({ text: "Undid your last rating (it had not been sent yet).", tone: "info" });
      return;
    }
    chain.current = chain.current.then(async () => {
      try {
        const result = await postUndo();
        unhide(result.card.id);
        setPriorityId(result.card.id);
        setRevealedId(null);
        bumpDone(-1);
        setMessage({ text: `Undid your last rating (${result.rating}).`, tone: "info" });
        await refreshQueue();
      } catch (error) {
        const text =
          error instanceof ApiError && error.status === 409
            ? "There is nothing to undo."
            : isNetworkError(error)
              ? "Undo needs a connection; try again when you're back online."
              : `Undo failed: ${(error as Error).message}`;
        setMessage({ text, tone: error instanceof ApiError && error.status === 409 ? "info" : "error" });
      }
    });
  }, [userId, savePending, bumpDone, refreshQueue]);

  /** Takes the showing card out of today's session (bury) or out of reviews until unsuspended (suspend). */
  const setAside = useCallback(
    (action: "bury" | "suspend") => {
      if (!current) return;
      const cardId = current.id;
      hide(cardId, Infinity);
      setRevealedId(null);
      chain.current = chain.current.then(async () => {
        try {
          await postSetAside(cardId, action);
          hide(cardId, Date.now());
          setMessage({
            text: action === "bury" ? "Card buried until tomorrow." : "Card suspended. Find it under Your cards → Suspended to bring it back.",
            tone: "info",
          });
          await refreshQueue();
        } catch (error) {
          unhide(cardId);
          const text = isNetworkError(error) ? "That needs a connection; try again when you're back online." : (error as Error).message;
          setMessage({ text: `The card was not ${action === "bury" ? "buried" : "suspended"}: ${text}`, tone: "error" });
        }
      });
    },
    [current, refreshQueue],
  );

  return { queue, current, revealed, reveal, rate, undo, setAside, done, left, counts, pending, online, message };
}
