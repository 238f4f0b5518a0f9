/** The progress module's public surface: other modules import from here, never from its files. */
export { masteryBySection } from "./mastery.ts";
export type { SectionMastery } from "./mastery.ts";
export { recentBySection } from "./repo.ts";
export { progressRoutes } from "./routes.ts";
