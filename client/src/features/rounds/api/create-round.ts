import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { CreateRoundBody } from "../../../lib/api-types";
import type { RoundState } from "../types";
import { roundQueryKey, withClockOffset } from "./get-round";
import { roundListQueryKey } from "./list-rounds";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

/** `questions`: exactly these, in this order, instead of a random draw; `questionCount` must be their number. */
export type CreateRoundInput = CreateRoundBody;

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
