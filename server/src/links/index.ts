/** The links module's public surface: other modules import from here, never from its files. */
export { linkRoutes } from "./routes.ts";
