import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { useSingleFlightMutation } from "../../client/src/lib/single-flight-mutation";

/** A request the test settles by hand. */
function deferredRequests() {
  const pending: (() => void)[] = [];
  const send = vi.fn(() => new Promise<string>((resolve) => pending.push(() => resolve("done"))));
  return { send, settle: () => pending.shift()?.() };
}

function render(send: () => Promise<string>) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useSingleFlightMutation({ mutationFn: send }), { wrapper });
}

describe("single-flight mutation", () => {
  it("when mutate is called twice before the first request settles, then one request is sent; afterwards a new one can be", async () => {
    const { send, settle } = deferredRequests();
    const { result } = render(send);

    await act(async () => {
      result.current.mutate();
      result.current.mutate();
    });
    expect(send).toHaveBeenCalledTimes(1);

    await act(async () => settle());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(async () => result.current.mutate());
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("when the mutation is reset while a request is in flight, then the next call is sent", async () => {
    const { send } = deferredRequests();
    const { result } = render(send);

    await act(async () => result.current.mutate());
    await act(async () => result.current.reset());
    await act(async () => result.current.mutate());

    expect(send).toHaveBeenCalledTimes(2);
  });
});
