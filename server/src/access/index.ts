/** The access module's public surface: other modules import from here, never from its files. */
export { assertCanViewAnswer, assertCanViewCandidate, canViewCandidate } from "./can-view-candidate.ts";
export type { Viewer } from "./can-view-candidate.ts";
