import { Link } from "react-router";
import { AuthCard } from "../components/auth-card";
import { SignupForm } from "../components/signup-form";
import "../auth.css";

export function SignupRoute() {
  return (
    <AuthCard
      title="Create your account"
      lede="Practise for data-engineering interviews with timed rounds, flashcards and feedback — or coach the people who are."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
