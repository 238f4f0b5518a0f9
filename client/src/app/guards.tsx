import { Navigate, Outlet, useLocation } from "react-router";
import { LoadFailed, LoadingScreen } from "../components/ui/page-status";
import { CurrentUserContext, useCurrentUser, useSession, type Role } from "../lib/session";
import { NotFoundCard } from "./routes/not-found";

/** Signed-out visitors go to /login, remembering where they were headed. */
export function RequireSignedIn() {
  const session = useSession();
  const location = useLocation();

  // Data first: a failed background refetch must not take the app away from someone already in it.
  if (session.data) {
    return (
      <CurrentUserContext value={session.data}>
        <Outlet />
      </CurrentUserContext>
    );
  }
  if (session.data === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (session.isError) return <LoadFailed message={session.error.message} onRetry={() => void session.refetch()} />;
  return <LoadingScreen />;
}

/**
 * Pages for one role. To anyone else they do not exist, as the API answers for data they may not see: the
 * not-found page, rather than a page that loads and then refuses.
 */
export function RequireRole({ role }: { role: Role }) {
  return useCurrentUser().role === role ? <Outlet /> : <NotFoundCard />;
}

/** /login and /signup are for visitors; anyone signed in (including just now) moves on. */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();

  if (session.data) return <Navigate to={returnPath(location.state)} replace />;
  if (session.data === null) return <Outlet />;
  if (session.isError) return <LoadFailed message={session.error.message} onRetry={() => void session.refetch()} />;
  return <LoadingScreen />;
}

function returnPath(state: unknown): string {
  const from = typeof state === "object" && state !== null && "from" in state ? state.from : undefined;
  // Only same-app paths: "//host" would leave the site.
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}
