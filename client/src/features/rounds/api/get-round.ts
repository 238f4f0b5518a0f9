import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Round, RoundState } from "../types";

export const roundQueryKey = (id: string) => ["rounds", "detail", id] as const;

/** Call as soon as a round state arrives: the offset is only right for the moment `serverNow` was measured. */
export function withClockOffset(state: RoundState): Round {
  return { ...state, clockOffsetMs: Date.parse(state.serverNow) - Date.now() };
}

export async function getRound(id: string, signal?: AbortSignal): Promise<Round> {
  return withClockOffset(await api.get<RoundState>(`/api/rounds/${encodeURIComponent(id)}`, signal));
}

export function useRound(id: string) {
  // Refetching on focus (the default) is wanted here: after a sleeping laptop wakes, it re-measures the clock offset
  // and picks up anything done on another device.
  return useQuery({ queryKey: roundQueryKey(id), queryFn: ({ signal }) => getRound(id, signal) });
}
