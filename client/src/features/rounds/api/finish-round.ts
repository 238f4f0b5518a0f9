import { api } from "../../../lib/api-client";
import type { RoundState } from "../types";
import { withClockOffset } from "./get-round";

/**
 * POST …/finish. Used by hooks/use-round-finisher.ts, which must flush autosaves first and fall back to a GET
 * when the server closed the round itself; a plain mutation hook can't express that sequence.
 */
export async function finishRound(roundId: string) {
  return withClockOffset(await api.post<RoundState>(`/api/rounds/${encodeURIComponent(roundId)}/finish`));
}
