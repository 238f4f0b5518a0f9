import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Difficulty, QuestionType, Section } from "../../../lib/questions";
import type { RoundState } from "../types";
import { roundQueryKey, withClockOffset } from "./get-round";
import { roundListQueryKey } from "./list-rounds";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

export type CreateRoundInput = {
  questionCount: number;
  timeLimitSeconds: number;
  sections?: Section[];
  types?: QuestionType[];
  difficulty?: Difficulty[];
  /** Exactly these questions, in this order, instead of a random draw; `questionCount` must be their number. */
  questions?: string[];
};

async function createRound(input: CreateRoundInput) {
  return withClockOffset(await api.post<RoundState>("/api/rounds", input));
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: createRound,
    onSuccess: (round) => {
      // The round page opens on this state without a second request; the clock is already running.
      queryClient.setQueryData(roundQueryKey(round.id), round);
      void queryClient.invalidateQueries({ queryKey: roundListQueryKey });
    },
    // Refused because a round is already open (perhaps started on another device): the list should show it.
    onError: () => queryClient.invalidateQueries({ queryKey: roundListQueryKey }),
  });
}
