import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FlagQuestionResponse } from "../../../lib/api-types";
import { api } from "../../../lib/api-client";
import type { Round } from "../types";
import { roundQueryKey } from "./get-round";

export type { FlagQuestionResponse } from "../../../lib/api-types";

function flagQuestion(roundId: string, slug: string, flagged: boolean): Promise<FlagQuestionResponse> {
  return api.put<FlagQuestionResponse>(`/api/rounds/${encodeURIComponent(roundId)}/flags/${encodeURIComponent(slug)}`, {
    flagged,
  });
}

const withFlag = (round: Round | undefined, slug: string, flagged: boolean) =>
  round && { ...round, questions: round.questions.map((q) => (q.slug === slug ? { ...q, flagged } : q)) };

/**
 * Flags show at once: the cached round changes before the request goes out and changes back if the server refuses.
 * A refusal usually means the round closed, so the round is fetched again either way.
 */
export function useFlagQuestion(roundId: string) {
  const queryClient = useQueryClient();
  const key = roundQueryKey(roundId);
  return useMutation({
    mutationFn: ({ slug, flagged }: { slug: string; flagged: boolean }) => flagQuestion(roundId, slug, flagged),
    onMutate: ({ slug, flagged }) => {
      void queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<Round>(key, (round) => withFlag(round, slug, flagged));
    },
    onError: (_error, { slug, flagged }) => {
      queryClient.setQueryData<Round>(key, (round) => withFlag(round, slug, !flagged));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
