/** The rubric module's public surface: other modules import from here, never from its files. */
export { allSuggestions } from "./repo.ts";
export { rubricRoutes } from "./routes.ts";
