import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { newRequestId } from "../../../lib/request-id";
import { localStore } from "../../../lib/storage";
import {
  flashcardKeys,
  postReview,
  postSetAside,
  postUndo,
  takeBackSetAside,
  useQueue,
  type QueueCard,
  type Rating,
  type ReviewInput,
  type SetAsideAction,
} from "../api/flashcards";
import type { PendingReview } from "../utils/pending-reviews";
import {
  isNetworkError,
  setAsideDone,
  setAsideFailure,
  takeBackDone,
  takeBackFailure,
  undoFailure,
  type SessionMessage,
} from "../utils/session-message";
import { useOfflineReviews } from "./use-offline-reviews";

const today = () => new Date().toLocaleDateString("en-CA");
const doneKey = (userId: string) => `wm.flashcards.done.${userId}`;

/** How many cards were rated today on this device, kept across reloads until the date changes. */
function useDoneToday(userId: string) {
  const [done, setDone] = useState<number>(() => {
    const saved = localStore.read<{ date: string; count: number }>(doneKey(userId));
    return saved?.date === today() ? saved.count : 0;
  });
  const bumpDone = useCallback(
    (delta: number) =>
      setDone((d) => {
        const count = Math.max(0, d + delta);
        localStore.write(doneKey(userId), { date: today(), count });
        return count;
      }),
    [userId],
  );
  return { done, bumpDone };
}

/** Card id → when its rating reached the server (Infinity while in flight): hidden until a newer queue arrives. */
function useHiddenCards() {
  const [hidden, setHidden] = useState<ReadonlyMap<string, number>>(new Map());
  const hide = useCallback((id: string, at: number) => setHidden((m) => new Map(m).set(id, at)), []);
  const unhide = useCallback(
    (id: string) =>
      setHidden((m) => {
        const next = new Map(m);
        next.delete(id);
        return next;
      }),
    [],
  );
  const markSent = useCallback((id: string) => hide(id, Date.now()), [hide]);
  return { hidden, hide, unhide, markSent };
}

/** The queue as shown: without cards rated meanwhile, and with an undone card back in front. */
function visibleCards(
  cards: readonly QueueCard[],
  pending: readonly PendingReview[],
  hidden: ReadonlyMap<string, number>,
  dataAt: number,
  priorityId: string | null,
): QueueCard[] {
  const pendingIds = new Set(pending.map((p) => p.cardId));
  const visible = cards.filter((c) => !pendingIds.has(c.id) && !((hidden.get(c.id) ?? -1) >= dataAt));
  const first = visible.findIndex((c) => c.id === priorityId);
  return first > 0 ? [visible[first]!, ...visible.slice(0, first), ...visible.slice(first + 1)] : visible;
}

/** When the showing card was put in front of the user, for the review's duration. */
function useShownAt(cardId: string | undefined, done: number) {
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = Date.now();
  }, [cardId, done]);
  return shownAt;
}

/** Runs tasks one after another, each once the previous one has settled, so ratings reach the server in order. */
function useSerialTasks() {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback((task: () => Promise<unknown>) => {
    chain.current = chain.current.then(task);
  }, []);
}

/**
 * One review session: which card is showing, whether its answer is revealed, rating (sent in order, or kept on this
 * device while offline and sent with the same reviewId when the connection is back), undo and progress.
 * The server's queue is the truth; after each rating it is fetched again, so a reload simply resumes.
 */
export function useReviewSession(userId: string, sections: readonly string[]) {
  const client = useQueryClient();
  const queue = useQueue(sections);
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const [message, setMessage] = useState<SessionMessage | null>(null);
  const { done, bumpDone } = useDoneToday(userId);
  const { hidden, hide, unhide, markSent } = useHiddenCards();
  const enqueue = useSerialTasks();
  const refreshQueue = useCallback(() => client.invalidateQueries({ queryKey: flashcardKeys.queue }), [client]);
  const { pending, online, keepOffline, takeBackLast } = useOfflineReviews({
    userId,
    onSent: markSent,
    setMessage,
    refreshQueue,
  });

  const dataAt = queue.dataUpdatedAt;
  const cards = useMemo(
    () => visibleCards(queue.data?.cards ?? [], pending, hidden, dataAt, priorityId),
    [queue.data, pending, hidden, dataAt, priorityId],
  );
  const current: QueueCard | undefined = cards[0];
  const revealed = !!current && revealedId === current.id;
  const counts = queue.data?.counts ?? { learning: 0, review: 0, new: 0 };
  const hiddenInQueue = (queue.data?.cards.length ?? 0) - cards.length;
  const left = Math.max(cards.length, counts.learning + counts.review + counts.new - hiddenInQueue);
  const shownAt = useShownAt(current?.id, done);

  const send = useCallback(
    async (input: ReviewInput) => {
      try {
        await postReview(input);
        markSent(input.cardId);
        await refreshQueue();
      } catch (error) {
        if (isNetworkError(error)) return keepOffline(input);
        unhide(input.cardId);
        bumpDone(-1);
        setMessage({ text: `That rating was not saved: ${(error as Error).message}`, tone: "error" });
        await refreshQueue();
      }
    },
    [keepOffline, bumpDone, refreshQueue, markSent, unhide],
  );

  const reveal = useCallback(() => {
    if (current) setRevealedId(current.id);
  }, [current]);

  const rate = useCallback(
    (rating: Rating) => {
      if (!current || !revealed) return;
      const input: ReviewInput = {
        cardId: current.id,
        rating,
        reviewId: newRequestId(),
        durationMs: Math.min(Date.now() - shownAt.current, 3_600_000),
      };
      hide(current.id, Infinity);
      setRevealedId(null);
      if (priorityId === current.id) setPriorityId(null);
      bumpDone(1);
      // A new rating ends the offer to take back a bury or suspend: U undoes that rating now.
      if (message?.tone === "error" || message?.undo) setMessage(null);
      if (pending.length || !online) {
        keepOffline(input);
        return;
      }
      enqueue(() => send(input));
    },
    [
      current,
      revealed,
      shownAt,
      hide,
      priorityId,
      bumpDone,
      message,
      pending.length,
      online,
      keepOffline,
      enqueue,
      send,
    ],
  );

  /** Puts a card whose rating was taken back in front again, face down. */
  const bringBack = useCallback(
    (cardId: string, text: string) => {
      unhide(cardId);
      setPriorityId(cardId);
      setRevealedId(null);
      bumpDone(-1);
      setMessage({ text, tone: "info" });
    },
    [unhide, bumpDone],
  );

  const undo = useCallback(() => {
    const kept = takeBackLast();
    if (kept) return bringBack(kept.cardId, "Undid your last rating (it had not been sent yet).");
    enqueue(async () => {
      try {
        const result = await postUndo();
        bringBack(result.card.id, `Undid your last rating (${result.rating}).`);
        await refreshQueue();
      } catch (error) {
        setMessage(undoFailure(error));
      }
    });
  }, [takeBackLast, bringBack, enqueue, refreshQueue]);

  /** Takes the showing card out of today's session (bury) or out of reviews until unsuspended (suspend). */
  const setAside = useCallback(
    (action: SetAsideAction) => {
      if (!current) return;
      const cardId = current.id;
      hide(cardId, Infinity);
      setRevealedId(null);
      enqueue(async () => {
        try {
          await postSetAside(cardId, action);
          markSent(cardId);
          setMessage(setAsideDone(action, cardId));
          await refreshQueue();
        } catch (error) {
          unhide(cardId);
          setMessage(setAsideFailure(action, error));
        }
      });
    },
    [current, hide, markSent, unhide, enqueue, refreshQueue],
  );

  // A second Undo (a double click, or U pressed again) while the first is on its way must not send it twice.
  const takingBack = useRef(false);
  const offer = message?.undo;
  /** Takes back the bury or suspend the message offers to undo: the card is in front again, face down. */
  const undoSetAside = useCallback(() => {
    if (!offer || takingBack.current) return;
    takingBack.current = true;
    enqueue(async () => {
      try {
        await takeBackSetAside(offer.cardId, offer.action);
        unhide(offer.cardId);
        setPriorityId(offer.cardId);
        setRevealedId(null);
        await refreshQueue();
        // Only now, with the card showing, does the Undo button go (focus moves to the card, not to nowhere).
        setMessage(takeBackDone(offer.action));
      } catch (error) {
        setMessage(takeBackFailure(offer.action, error));
      } finally {
        takingBack.current = false;
      }
    });
  }, [offer, enqueue, unhide, refreshQueue]);

  return {
    queue,
    current,
    revealed,
    reveal,
    rate,
    undo,
    setAside,
    canUndoSetAside: !!offer,
    undoSetAside,
    done,
    left,
    counts,
    pending,
    online,
    message,
  };
}
