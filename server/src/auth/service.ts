import type { AbuseLimits } from "../config.ts";
import { type Prisma, isUniqueViolation } from "../db/index.ts";
import { AppError, type RateLimiter } from "../http/index.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { insertUser, userByEmail, userById } from "./repo.ts";
import { passwordWeakness } from "./password-policy.ts";
import { toPublicUser, type PublicUser } from "./schemas.ts";

export interface AuthDeps {
  prisma: Prisma;
  limiter: RateLimiter;
  limits: AbuseLimits;
}

const LOGIN_WINDOW_SECONDS = 15 * 60;
const SIGNUP_WINDOW_SECONDS = 3600;

/**
 * Failed logins count three ways. Per (account, address) is the limit a guesser meets, and it locks out only that
 * address, so a stranger cannot lock the owner out; the per-account ceiling is far higher and only many addresses
 * together reach it; per address over all accounts slows spraying one password at many accounts.
 */
const loginKeys = (email: string, address: string) => ({
  address: `login:address:${address}`,
  accountAddress: `login:account-address:${email}|${address}`,
  account: `login:account:${email}`,
});

export async function signup(
  deps: AuthDeps,
  input: { email: string; password: string; displayName: string; role: "candidate" | "mentor"; address: string },
): Promise<PublicUser> {
  // Counted before the strength check and the hash, which both cost real CPU: an address cannot make us spend it
  // without limit. Requests the schema refused (typos in the form) are not counted.
  await deps.limiter.hit(`signup:address:${input.address}`, {
    points: deps.limits.signupPerHour,
    windowSeconds: SIGNUP_WINDOW_SECONDS,
  });
  const weakness = await passwordWeakness(input.password, input);
  if (weakness) {
    throw new AppError("validation_failed", "Choose a stronger password", [{ path: "password", message: weakness }]);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await insertUser(deps.prisma, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
    });
    return toPublicUser(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_taken", "An account with this email already exists");
    throw error;
  }
}

export async function login(
  deps: AuthDeps,
  input: { email: string; password: string; address: string },
): Promise<PublicUser> {
  const keys = loginKeys(input.email, input.address);
  const window = (points: number) => ({ points, windowSeconds: LOGIN_WINDOW_SECONDS });
  // Each attempt is counted before the password is checked (concurrent guesses cannot slip past the count) and
  // given back when it succeeds, so only failures use up a limit.
  await deps.limiter.hit(keys.address, window(deps.limits.loginPerAddress));
  await deps.limiter.hit(keys.accountAddress, window(deps.limits.loginPerAccountAddress));
  await deps.limiter.hit(keys.account, window(deps.limits.loginPerAccount));
  const user = await userByEmail(deps.prisma, input.email);
  // One message for both failures, so the response does not reveal which e-mails have accounts.
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
    throw new AppError("invalid_credentials", "Email or password is incorrect");
  }
  await Promise.all([
    deps.limiter.reset(keys.accountAddress),
    deps.limiter.refund(keys.account),
    deps.limiter.refund(keys.address),
  ]);
  return toPublicUser(user);
}

export async function findUser(prisma: Prisma, id: string): Promise<PublicUser | undefined> {
  const user = await userById(prisma, id);
  return user ? toPublicUser(user) : undefined;
}
