/** The history module's public surface: other modules import from here, never from its files. */
export { answersWithCandidate, effectiveOf, presentHistoryItem, withBodies } from "./repo.ts";
export { historyRoutes } from "./routes.ts";
export { answerParams, commentSchema, effectiveGrade, historyItem, overrideSchema } from "./schemas.ts";
