/** The disputes module's public surface: other modules import from here, never from its files. */
export { hasOpenDispute, resolveOpenDispute, selfAssessmentPairs } from "./repo.ts";
export { disputeRoutes } from "./routes.ts";
