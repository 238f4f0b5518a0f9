import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../lib/api-client";
import type {
  CardState,
  CramCards,
  FlashcardQueue,
  ListedCard,
  RecallCheck,
  RecallCheckBody,
  ReviewBody,
  StudySettings,
  StudySettingsUpdate,
  StudyStats,
  UndoResult,
} from "../../../lib/api-types";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

export type { CardState, ListedCard, QueueCard, RecallCheck, StudySettings } from "../../../lib/api-types";
export type Rating = UndoResult["rating"];
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];
export type CardStateName = CardState["state"];
export type CramCard = CramCards["cards"][number];
export type Queue = FlashcardQueue;
export type Stats = StudyStats;

export type ReviewInput = ReviewBody & { cardId: string };

const QUEUE_LIMIT = 100;
export const flashcardKeys = {
  all: ["flashcards"] as const,
  queue: ["flashcards", "queue"] as const,
  queueFor: (sections: readonly string[]) => ["flashcards", "queue", sections.join(",")] as const,
  cram: (sections: readonly string[]) => ["flashcards", "cram", sections.join(",")] as const,
  stats: ["flashcards", "stats"] as const,
  settings: ["flashcards", "settings"] as const,
  cards: (filter: string) => ["flashcards", "cards", filter] as const,
};

/** `&sections=…` for a choice of sections; nothing when every section is wanted. */
const sectionsParam = (sections: readonly string[]) =>
  sections.length ? `&sections=${sections.map(encodeURIComponent).join(",")}` : "";

export function useQueue(sections: readonly string[]) {
  return useQuery({
    queryKey: flashcardKeys.queueFor(sections),
    queryFn: ({ signal }) =>
      api.get<Queue>(`/api/flashcards/queue?limit=${QUEUE_LIMIT}${sectionsParam(sections)}`, signal),
    // Refetched after each rating by the session; coming back to the tab or the page later gets a fresh queue
    // (a card whose rating is still in flight stays hidden, see use-review-session.ts).
    staleTime: 5_000,
  });
}

export function postReview({ cardId, ...body }: ReviewInput): Promise<CardState> {
  return api.post<CardState>(`/api/flashcards/${encodeURIComponent(cardId)}/reviews`, body);
}

export type SetAsideAction = "bury" | "suspend";

/** Takes a card out of today's reviews: until tomorrow (bury) or until unsuspended. Neither changes its schedule. */
export function postSetAside(cardId: string, action: SetAsideAction): Promise<CardState> {
  return api.post<CardState>(`/api/flashcards/${encodeURIComponent(cardId)}/${action}`, {});
}

/** Takes a bury or suspend back: the card is due as its schedule says again. */
export function takeBackSetAside(cardId: string, action: SetAsideAction): Promise<CardState> {
  const card = `/api/flashcards/${encodeURIComponent(cardId)}`;
  return action === "bury"
    ? apiRequest<CardState>(`${card}/bury`, { method: "DELETE" })
    : api.post<CardState>(`${card}/unsuspend`, {});
}

const CRAM_LIMIT = 500;

export function useCram(sections: readonly string[]) {
  return useQuery({
    queryKey: flashcardKeys.cram(sections),
    queryFn: ({ signal }) =>
      api.get<{ cards: CramCard[] }>(`/api/flashcards/cram?limit=${CRAM_LIMIT}${sectionsParam(sections)}`, signal),
    // A cram session works through the list it started with; a refetch would reshuffle it under the user.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function postUndo(): Promise<{ reviewId: string; rating: Rating; card: CardState }> {
  return api.post(`/api/flashcards/undo`, {});
}

export function useStats() {
  return useQuery({
    queryKey: flashcardKeys.stats,
    queryFn: ({ signal }) => api.get<Stats>("/api/flashcards/stats", signal),
  });
}

export function useStudySettings() {
  return useQuery({
    queryKey: flashcardKeys.settings,
    queryFn: ({ signal }) => api.get<StudySettings>("/api/me/study-settings", signal),
  });
}

export function useSaveStudySettings() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (settings: StudySettingsUpdate) => api.put<StudySettings>("/api/me/study-settings", settings),
    onSuccess: (saved) => {
      client.setQueryData(flashcardKeys.settings, saved);
      void client.invalidateQueries({ queryKey: flashcardKeys.queue });
      void client.invalidateQueries({ queryKey: flashcardKeys.stats });
    },
  });
}

export type CardFilter = "personal" | "leeches" | "suspended";

export function useCardList(filter: CardFilter) {
  return useQuery({
    queryKey: flashcardKeys.cards(filter),
    queryFn: ({ signal }) => api.get<{ cards: ListedCard[] }>(`/api/flashcards/cards?filter=${filter}`, signal),
  });
}

export function useCardAction() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: ({ id, action }: { id: string; action: "suspend" | "unsuspend" | "delete" }): Promise<unknown> =>
      action === "delete"
        ? apiRequest<void>(`/api/flashcards/${encodeURIComponent(id)}`, { method: "DELETE" })
        : api.post<CardState>(`/api/flashcards/${encodeURIComponent(id)}/${action}`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: flashcardKeys.all }),
  });
}

export function useCheckRecall() {
  return useSingleFlightMutation({
    mutationFn: ({ cardId, ...body }: RecallCheckBody & { cardId: string }) =>
      api.post<RecallCheck>(`/api/flashcards/${encodeURIComponent(cardId)}/check`, body),
  });
}
