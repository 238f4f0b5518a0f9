import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { finishRound } from "../api/finish-round";
import { getRound, roundQueryKey } from "../api/get-round";
import { roundListQueryKey } from "../api/list-rounds";
import type { Round } from "../types";
import type { DraftSync } from "../utils/draft-sync";

export type FinishState = { state: "idle" } | { state: "finishing" } | { state: "failed"; message: string };

// Long enough for a slow save to land, short enough that the candidate isn't left looking at 0:00.
const FLUSH_LIMIT_MS = 5_000;
const RETRY_MS = 5_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Closes the round: sends the latest drafts first (they become answers on close), then POST finish. If that
 * fails because the server already closed the round, the round's own state is fetched instead. A closed state
 * in the cache is what sends the page to the results.
 */
export function useRoundFinisher(round: Round, sync: DraftSync) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FinishState>({ state: "idle" });
  const busy = useRef(false);
  const [autoRetry, setAutoRetry] = useState(false);

  const finish = useCallback(
    async ({ auto = false }: { auto?: boolean } = {}) => {
      if (busy.current) return;
      busy.current = true;
      setStatus({ state: "finishing" });
      await Promise.race([sync.flushAll(), wait(FLUSH_LIMIT_MS)]);

      let closed: Round | undefined;
      let failure = "";
      try {
        closed = await finishRound(round.id);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        try {
          const latest = await getRound(round.id);
          if (latest.status !== "open") closed = latest;
        } catch {
          // Still unreachable: reported below.
        }
      }
      busy.current = false;

      if (closed) {
        sync.stop();
        queryClient.setQueryData(roundQueryKey(round.id), closed);
        void queryClient.invalidateQueries({ queryKey: roundListQueryKey });
        return;
      }
      setStatus({ state: "failed", message: failure });
      // When time ran out nobody should have to press anything: keep trying on our own.
      setAutoRetry(auto);
    },
    [queryClient, round.id, sync],
  );

  useEffect(() => {
    if (!autoRetry || status.state !== "failed") return;
    const retry = () => void finish({ auto: true });
    const timer = setTimeout(retry, RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [autoRetry, status, finish]);

  return { status, finish };
}
