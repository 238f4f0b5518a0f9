import { z } from "zod";

const roleSchema = z.enum(["candidate", "mentor"]);

const email = z
  .string({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, { message: "Email must be at most 254 characters" })
  .pipe(z.email({ message: "Enter a valid email address" }));

export const signupBody = z
  .object({
    email,
    password: z
      .string({ message: "Password is required" })
      .min(10, { message: "Password must be at least 10 characters" })
      .max(200, { message: "Password must be at most 200 characters" }),
    displayName: z
      .string({ message: "Display name is required" })
      .trim()
      .min(1, { message: "Display name is required" })
      .max(80, { message: "Display name must be at most 80 characters" }),
    role: roleSchema,
  })
  .openapi("SignupRequest");

export const loginBody = z
  .object({
    email,
    password: z.string({ message: "Password is required" }).min(1, { message: "Password is required" }).max(200),
  })
  .openapi("LoginRequest");

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    createdAt: z.iso.datetime(),
  })
  .openapi("User");

export const userResponse = z.object({ user: userSchema });

export type PublicUser = z.infer<typeof userSchema>;

export function toPublicUser(u: {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: Date;
}): PublicUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role as PublicUser["role"],
    createdAt: u.createdAt.toISOString(),
  };
}
