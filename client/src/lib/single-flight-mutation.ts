import {
  useMutation,
  type DefaultError,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useCallback, useRef } from "react";

/**
 * useMutation for a button that sends one request at a time (it creates or changes something): `mutate` ignores
 * calls while one is in flight. Checking `isPending` is not enough, because TanStack Query tells the component a
 * tick after `mutate`, and the second click of a double-click lands in between. (`mutateAsync` is not guarded.)
 */
export function useSingleFlightMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const inFlight = useRef(false);
  const { mutate: send } = mutation;
  const mutate = useCallback(
    (variables: TVariables, callbacks?: MutateOptions<TData, TError, TVariables, TContext>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      send(variables, {
        ...callbacks,
        onSettled: (...settled) => {
          inFlight.current = false;
          return callbacks?.onSettled?.(...settled);
        },
      });
    },
    [send],
  );
  const { reset: forget } = mutation;
  // After a reset TanStack drops the per-call callbacks of a request still in flight, so onSettled would never clear
  // the flag: a reset ends the guard too.
  const reset = useCallback(() => {
    inFlight.current = false;
    forget();
  }, [forget]);
  return { ...mutation, mutate: mutate as typeof send, reset };
}
