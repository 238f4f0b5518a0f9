import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { api, ApiError } from "./api-client";
import type { User, UserResponse } from "./api-types";

export type { User } from "./api-types";
export type Role = User["role"];

export const ROLE_LABELS: Record<Role, string> = { candidate: "Candidate", mentor: "Mentor" };

/** Log-in and sign-up write the signed-in user here, so the route guards see it without another request. */
export const sessionQueryKey = ["session"] as const;

async function getSession(signal: AbortSignal): Promise<User | null> {
  try {
    const { user } = await api.get<UserResponse>("/api/me", signal);
    return user;
  } catch (error) {
    // 401 is the normal answer for a visitor, not a failure.
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    // Every guard and the header read this, and log-in writes it directly; re-asking the server on each
    // mount would only add round trips. Other requests' 401s clear it sooner (see app/provider.tsx).
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in guard provides the user it decided on. Reading the query directly would let a component
 * below it re-render with the user already gone (any 401 clears it) before the guard has redirected.
 */
export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser was called outside a signed-in route");
  return user;
}
