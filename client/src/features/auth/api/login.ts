import { useQueryClient } from "@tanstack/react-query";
import * as z from "zod/mini";
import { api } from "../../../lib/api-client";
import { sessionQueryKey, type User } from "../../../lib/session";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

// Presence checks only: length rules belong to sign-up, and the server decides the rest.
export const loginInputSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1, "Enter your email address")),
  password: z.string().check(z.minLength(1, "Enter your password")),
});

type LoginInput = z.infer<typeof loginInputSchema>;

async function login(input: LoginInput): Promise<User> {
  const { user } = await api.post<{ user: User }>("/api/auth/login", input);
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: login,
    onSuccess: (user) => queryClient.setQueryData(sessionQueryKey, user),
  });
}
