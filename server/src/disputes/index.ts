/** The disputes module's public surface: other modules import from here, never from its files. */
export { hasOpenDispute, selfAssessmentPairs } from "./repo.ts";
export { settleOpenDispute } from "./settle.ts";
export { disputeRoutes } from "./routes.ts";
