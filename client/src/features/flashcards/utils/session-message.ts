import { ApiError } from "../../../lib/api-client";
import type { SetAsideAction } from "../api/flashcards";

/**
 * The one line a review session shows above the card: what just happened, or what went wrong. After a bury or
 * suspend it offers to take it back (`undo`), for as long as it is the latest thing that happened.
 */
export type SessionMessage = {
  text: string;
  tone: "info" | "error";
  undo?: { cardId: string; action: SetAsideAction };
};

/** No response at all: the request never reached the server, so it can be kept and sent later. */
export const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

export function undoFailure(error: unknown): SessionMessage {
  if (error instanceof ApiError && error.status === 409) return { text: "There is nothing to undo.", tone: "info" };
  const text = isNetworkError(error)
    ? "Undo needs a connection; try again when you're back online."
    : `Undo failed: ${(error as Error).message}`;
  return { text, tone: "error" };
}

export function setAsideDone(action: SetAsideAction, cardId: string): SessionMessage {
  const text = action === "bury" ? "Card buried until tomorrow." : "Card suspended.";
  return { text, tone: "info", undo: { cardId, action } };
}

export function takeBackDone(action: SetAsideAction): SessionMessage {
  return { text: action === "bury" ? "Card unburied." : "Card unsuspended.", tone: "info" };
}

const failureReason = (error: unknown) =>
  isNetworkError(error) ? "That needs a connection; try again when you're back online." : (error as Error).message;

export function setAsideFailure(action: SetAsideAction, error: unknown): SessionMessage {
  const text = `The card was not ${action === "bury" ? "buried" : "suspended"}: ${failureReason(error)}`;
  return { text, tone: "error" };
}

export function takeBackFailure(action: SetAsideAction, error: unknown): SessionMessage {
  const text = `The card is still ${action === "bury" ? "buried" : "suspended"}: ${failureReason(error)}`;
  return { text, tone: "error" };
}
