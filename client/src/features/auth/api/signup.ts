import { useQueryClient } from "@tanstack/react-query";
import * as z from "zod/mini";
import { api } from "../../../lib/api-client";
import { sessionQueryKey, type User } from "../../../lib/session";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

// A courtesy pre-check only: the server is the authority, so nothing here may be stricter than it
// (hence the loose e-mail pattern).
export const signupInputSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter your email address"),
      z.regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address like name@example.com"),
    ),
  password: z
    .string()
    .check(
      z.minLength(10, "Password must be at least 10 characters"),
      z.maxLength(200, "Password must be 200 characters or fewer"),
    ),
  displayName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Enter a display name"),
      z.maxLength(80, "Display name must be 80 characters or fewer"),
    ),
  role: z.enum(["candidate", "mentor"], "Choose whether you're preparing for interviews or coaching"),
});

type SignupInput = z.infer<typeof signupInputSchema>;

async function signup(input: SignupInput): Promise<User> {
  const { user } = await api.post<{ user: User }>("/api/auth/signup", input);
  return user;
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: signup,
    // The response sets the session cookie, so the user is signed in from here on.
    onSuccess: (user) => queryClient.setQueryData(sessionQueryKey, user),
  });
}
