import { Link, useLocation } from "react-router";
import { AuthCard } from "../components/auth-card";
import { LoginForm } from "../components/login-form";
import "../auth.css";

/**
 * Sent here from a page inside the app that needs a session (it ended, or was never there): say why, and that
 * nothing is lost. Opening the site's address is just arriving, and gets the usual welcome.
 */
const cameFromPage = (state: unknown) =>
  typeof state === "object" &&
  state !== null &&
  "from" in state &&
  typeof state.from === "string" &&
  state.from !== "/";

export function LoginRoute() {
  const returning = cameFromPage(useLocation().state);
  return (
    <AuthCard
      title="Log in"
      lede={
        returning
          ? "You're signed out. Log in and you'll go straight back to that page; anything typed in a round stays on this device until it is saved."
          : "Welcome back. Pick up your practice where you left off."
      }
      footer={
        <>
          New to Watermark? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <LoginForm />
    </AuthCard>
  );
}
