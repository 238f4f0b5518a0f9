import { ApiError } from "../../../lib/api-client";

/** The one line a review session shows above the card: what just happened, or what went wrong. */
export type SessionMessage = { text: string; tone: "info" | "error" };

/** No response at all: the request never reached the server, so it can be kept and sent later. */
export const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

export function undoFailure(error: unknown): SessionMessage {
  if (error instanceof ApiError && error.status === 409) return { text: "There is nothing to undo.", tone: "info" };
  const text = isNetworkError(error)
    ? "Undo needs a connection; try again when you're back online."
    : `Undo failed: ${(error as Error).message}`;
  return { text, tone: "error" };
}

export function setAsideDone(action: "bury" | "suspend"): SessionMessage {
  const text =
    action === "bury"
      ? "Card buried until tomorrow."
      : "Card suspended. Find it under Your cards → Suspended to bring it back.";
  return { text, tone: "info" };
}

export function setAsideFailure(action: "bury" | "suspend", error: unknown): SessionMessage {
  const text = isNetworkError(error)
    ? "That needs a connection; try again when you're back online."
    : (error as Error).message;
  return { text: `The card was not ${action === "bury" ? "buried" : "suspended"}: ${text}`, tone: "error" };
}
