import { AppError } from "../http/index.ts";

/** Answers as the client sent them: a resent request carries exactly the same value. */
export const sameAnswer = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A key names one request; coming back with another question or answer is a client bug, not a replay. */
export const idempotencyKeyReused = () =>
  new AppError(
    "idempotency_key_reused",
    "This idempotency key was already used for a different request; use a new key for a new answer",
  );
