import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

function logout(): Promise<void> {
  return api.post<void>("/api/auth/logout");
}

/**
 * Callers navigate to /login on success. The cache is dropped rather than the user set to null: a null
 * user makes the signed-in guard redirect with this page as the return address, which suits an expired
 * session but not a deliberate log-out. /login then asks the server afresh who (if anyone) is signed in.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: logout,
    // Also keeps anything cached for this user out of the next person's session on a shared machine.
    onSuccess: () => queryClient.removeQueries(),
  });
}
