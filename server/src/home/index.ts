/** The home module's public surface: other modules import from here, never from its files. */
export { homeRoutes } from "./routes.ts";
