/** The rounds module's public surface: other modules import from here, never from its files. */
export { autosaveFastPath } from "./autosave-fast-path.ts";
export { roundReadFastPath } from "./read-fast-path.ts";
export { roundRoutes } from "./routes.ts";
export { SlotCache } from "./slot-cache.ts";
export { submitFastPath } from "./submit-fast-path.ts";
export { startRoundSweeper } from "./sweeper.ts";
