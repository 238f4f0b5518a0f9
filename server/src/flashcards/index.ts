/** The flashcards module's public surface: other modules import from here, never from its files. */
export { addDays, daysBetween, startOfLocalDay, userDay } from "./local-day.ts";
export { UPSERT_MISSED_CARDS, missedConceptIds, recordMissedConcepts } from "./missed-cards-repo.ts";
export { flashcardRoutes } from "./routes.ts";
export { getQueue } from "./service.ts";
export { loadPrefs } from "./settings.ts";
