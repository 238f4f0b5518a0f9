import { startTransition, useOptimistic } from "react";
import { useSearchParams, type URLSearchParamsInit } from "react-router";

/**
 * State kept in the address (filters, pages), so a reload or a shared link shows the same view. The router updates
 * the address inside a transition, so the controls get an optimistic copy: without it a ticked box would flick back
 * until the navigation lands. Changes replace the history entry — Back leaves the page rather than unticking boxes.
 */
export function useUrlState<T>(read: (params: URLSearchParams) => T, write: (value: T) => URLSearchParamsInit) {
  const [params, setParams] = useSearchParams();
  const value = read(params);
  const [shown, show] = useOptimistic(value);
  const apply = (next: T) =>
    startTransition(() => {
      show(next);
      setParams(write(next), { replace: true });
    });
  return { value, shown, apply };
}
