import { ErrorSummary } from "../../../components/ui/error-summary";
import { SubmitButton } from "../../../components/ui/submit-button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import { formErrorsFromDetails, type FormErrors } from "../../../lib/form-errors";
import { useAuthForm } from "../hooks/use-auth-form";
import { loginInputSchema, useLogin } from "../api/login";
import { EmailField } from "./email-field";
import { waitAdvice } from "./wait-advice";

const LABELS = { email: "Email", password: "Password" };
const FIELD_IDS = { email: "login-email", password: "login-password" };

export function LoginForm() {
  const login = useLogin();
  const { failure, fieldError, handleSubmit } = useAuthForm(loginInputSchema, LABELS, login, loginErrors);

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={FIELD_IDS} />}
      <EmailField id={FIELD_IDS.email} label={LABELS.email} error={fieldError("email")} />
      <TextField
        id={FIELD_IDS.password}
        name="password"
        type="password"
        label={LABELS.password}
        autoComplete="current-password"
        error={fieldError("password")}
      />
      <SubmitButton busy={login.isPending} busyText="Logging you in…">
        Log in
      </SubmitButton>
    </form>
  );
}

function loginErrors(error: Error): FormErrors {
  if (!(error instanceof ApiError)) return { message: "Something went wrong. Please try again.", fields: {} };
  switch (error.code) {
    case "invalid_credentials":
      // Deliberately not pinned to one field: saying which was wrong would confirm the account exists.
      return { message: "That email and password don't match an account. Check both and try again.", fields: {} };
    case "rate_limited":
      return { message: `Too many log-in attempts. ${waitAdvice(error.retryAfterSeconds)}`, fields: {} };
  }
  if (error.details.length > 0) return formErrorsFromDetails(error.details, LABELS);
  return { message: error.message, fields: {} };
}
