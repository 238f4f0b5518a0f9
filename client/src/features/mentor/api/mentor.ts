import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import { sharedKeys } from "../../../lib/query-keys";
import type { Agreement, CandidateSummary, Link, RedeemBody, ReviewQueueItem } from "../../../lib/api-types";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

export type { Agreement, CandidateSummary } from "../../../lib/api-types";
export type QueueItem = ReviewQueueItem;

export const reviewKeys = {
  candidates: [...sharedKeys.review, "candidates"] as const,
  queue: [...sharedKeys.review, "queue"] as const,
  agreement: [...sharedKeys.review, "agreement"] as const,
};

export function useCandidates() {
  return useQuery({
    queryKey: reviewKeys.candidates,
    queryFn: ({ signal }) => api.get<{ items: CandidateSummary[] }>("/api/candidates", signal),
  });
}

/** `disputedOnly`: just the answers whose candidate disputes the grade (they lead the full queue anyway). */
export function useQueue(disputedOnly = false) {
  return useQuery({
    queryKey: [...reviewKeys.queue, { disputedOnly }],
    queryFn: ({ signal }) =>
      api.get<{ items: QueueItem[]; total: number }>(
        `/api/review/queue?limit=100${disputedOnly ? "&disputed=true" : ""}`,
        signal,
      ),
  });
}

export function useAgreement() {
  return useQuery({
    queryKey: reviewKeys.agreement,
    queryFn: ({ signal }) => api.get<Agreement>("/api/review/agreement", signal),
  });
}

export function useRedeemInvite() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (code: string) => api.post<Link>("/api/links", { code } satisfies RedeemBody),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: sharedKeys.review }),
        client.invalidateQueries({ queryKey: sharedKeys.links }),
      ]),
  });
}
