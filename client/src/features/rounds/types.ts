import type { RoundState } from "../../lib/api-types";

export type { RoundQuestion, RoundResultItem, RoundState, RoundSummary, RoundTotals } from "../../lib/api-types";

export type RoundStatus = RoundState["status"];

/**
 * A round state plus how far the server's clock is ahead of this device's, measured when the response arrived.
 * The countdown runs on the server's clock: the device's may be minutes out, and only the server decides when
 * time is up.
 */
export type Round = RoundState & { clockOffsetMs: number };
