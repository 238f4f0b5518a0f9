/** The review module's public surface: other modules import from here, never from its files. */
export { loadRulings } from "./repo.ts";
export { reviewRoutes } from "./routes.ts";
export { VERDICTS, agreementReport } from "./rulings.ts";
export type { Ruling } from "./rulings.ts";
export { agreement, linkedCandidates } from "./service.ts";
