import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "../lib/api-client";
import { sessionQueryKey } from "../lib/session";

function createQueryClient(): QueryClient {
  // Any 401 means the session cookie has gone (expired, or logged out in another tab): forget the
  // cached user so the route guards send the person to log in, whichever request noticed first.
  const forgetUserOn401 = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(sessionQueryKey, null);
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetUserOn401 }),
    mutationCache: new MutationCache({ onError: forgetUserOn401 }),
    defaultOptions: {
      queries: {
        // A 4xx gets the same answer again, so never retry it. Network trouble and 5xx get one quick second try,
        // then the page says what went wrong and offers "Try again" instead of a long silent spinner.
        retry: (failureCount, error) =>
          failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        retryDelay: 500,
        // Offline, a paused request would spin without a word; failing at once shows the offline message.
        networkMode: "always",
      },
      mutations: { networkMode: "always" },
    },
  });
  return queryClient;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
