import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SubmitAnswerBody, SubmitAnswerResponse } from "../../../lib/api-types";
import { api, ApiError } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";
import type { Round } from "../types";
import { pendingSubmission } from "../utils/local-round";
import { roundQueryKey } from "./get-round";

export type { SubmitAnswerResponse } from "../../../lib/api-types";

function submitAnswer(roundId: string, body: SubmitAnswerBody): Promise<SubmitAnswerResponse> {
  return api.post<SubmitAnswerResponse>(`/api/rounds/${encodeURIComponent(roundId)}/answers`, body);
}

/**
 * Submits with an idempotency key that is stored before the request goes out and reused until the server
 * confirms, so resending after a dropped connection can't record a second answer.
 */
export function useSubmitAnswer(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, answer }: { slug: string; answer: AnswerValue }) => {
      const { idempotencyKey } = pendingSubmission.begin(roundId, slug, answer);
      return submitAnswer(roundId, { question: slug, answer, idempotencyKey });
    },
    onSuccess: (response, { slug, answer }) => {
      pendingSubmission.clear(roundId, slug);
      const round = queryClient.setQueryData<Round>(
        roundQueryKey(roundId),
        (round) =>
          round && {
            ...round,
            questions: round.questions.map((q) =>
              q.slug === slug ? { ...q, answer, answeredAt: response.answeredAt } : q,
            ),
          },
      );
      // The answer unlocks its follow-ups: fetch the round again to get what they ask.
      if (round?.questions.some((q) => q.followUpOf === slug))
        void queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) });
    },
    onError: (error, { slug }) => {
      // A definite "no" from the server: resending the same request can never succeed, so stop keeping it.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        pendingSubmission.clear(roundId, slug);
      }
      // already_answered (another device, or an earlier attempt got through) and round_closed both mean our copy
      // of the round is out of date.
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) });
    },
  });
}
