import { Link } from "react-router";
import { AuthCard } from "../components/auth-card";
import { LoginForm } from "../components/login-form";

export function LoginRoute() {
  return (
    <AuthCard
      title="Log in"
      lede="Welcome back. Pick up your practice where you left off."
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
