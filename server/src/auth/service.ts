import type { Prisma } from "../db/database.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../http/app-error.ts";
import type { RateLimiter } from "../http/rate-limit.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { toPublicUser, type PublicUser } from "./schemas.ts";

// Per address and per account: the first stops spraying many accounts, the second guessing one.
const PER_IP = { points: 30, windowSeconds: 15 * 60 };
const PER_EMAIL = { points: 10, windowSeconds: 15 * 60 };

export async function signup(
  prisma: Prisma,
  input: { email: string; password: string; displayName: string; role: "candidate" | "mentor" },
): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { email: input.email, passwordHash, displayName: input.displayName, role: input.role },
    });
    return toPublicUser(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_taken", "An account with this email already exists");
    throw error;
  }
}

export async function login(
  deps: { prisma: Prisma; limiter: RateLimiter },
  input: { email: string; password: string; ip: string },
): Promise<PublicUser> {
  await deps.limiter.hit(`login:ip:${input.ip}`, PER_IP);
  await deps.limiter.hit(`login:email:${input.email}`, PER_EMAIL);
  const user = await deps.prisma.user.findUnique({ where: { email: input.email } });
  // One message for both failures, so the response does not reveal which e-mails have accounts.
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
    throw new AppError("invalid_credentials", "Email or password is incorrect");
  }
  await deps.limiter.reset(`login:email:${input.email}`);
  return toPublicUser(user);
}

export async function findUser(prisma: Prisma, id: string): Promise<PublicUser | undefined> {
  const user = await prisma.user.findUnique({ where: { id } });
  return user ? toPublicUser(user) : undefined;
}
