/** The auth module's public surface: other modules import from here, never from its files. */
export { authRoutes } from "./routes.ts";
export { pruneSessions } from "./session-repo.ts";
export { resolveSessionSecret } from "./session-secret.ts";
export { currentUser, requireRole, requireUser, sessionMiddleware, signedInUser } from "./session.ts";
export type { SessionUser } from "./session.ts";
