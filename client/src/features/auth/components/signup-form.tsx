import { ErrorSummary } from "../../../components/ui/error-summary";
import { SubmitButton } from "../../../components/ui/submit-button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import { formErrorsFromDetails, type FormErrors } from "../../../lib/form-errors";
import { useAuthForm } from "../hooks/use-auth-form";
import { signupInputSchema, useSignup } from "../api/signup";
import { ROLE_INPUT_ID, RolePicker } from "./role-picker";
import { EmailField } from "./email-field";
import { waitAdvice } from "./wait-advice";

// The server checks the same (length, and strength with zxcvbn); its reason shows under the field.
const PASSWORD_HINT =
  "At least 10 characters and hard to guess: not a common password, a repeat, or your email or name. " +
  "A few unusual words together work well.";
const LABELS = { email: "Email", password: "Password", displayName: "Display name", role: "Role" };
const FIELD_IDS = {
  email: "signup-email",
  password: "signup-password",
  displayName: "signup-display-name",
  role: ROLE_INPUT_ID,
};

export function SignupForm() {
  const signup = useSignup();
  const { failure, fieldError, handleSubmit } = useAuthForm(signupInputSchema, LABELS, signup, signupErrors);

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={FIELD_IDS} />}
      <EmailField id={FIELD_IDS.email} label={LABELS.email} error={fieldError("email")} />
      <TextField
        id={FIELD_IDS.password}
        name="password"
        type="password"
        label={LABELS.password}
        hint={PASSWORD_HINT}
        autoComplete="new-password"
        error={fieldError("password")}
      />
      <TextField
        id={FIELD_IDS.displayName}
        name="displayName"
        label={LABELS.displayName}
        hint="Shown to your mentor or candidates. You can use a first name or a nickname."
        autoComplete="nickname"
        error={fieldError("displayName")}
      />
      <RolePicker error={fieldError("role")} />
      <SubmitButton busy={signup.isPending} busyText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}

function signupErrors(error: Error): FormErrors {
  if (!(error instanceof ApiError)) return { message: "Something went wrong. Please try again.", fields: {} };
  if (error.code === "email_taken") {
    return { fields: { email: "An account with this email already exists. Log in instead, or use another email." } };
  }
  if (error.code === "rate_limited") {
    return { message: `Too many sign-ups from your network. ${waitAdvice(error.retryAfterSeconds)}`, fields: {} };
  }
  if (error.details.length > 0) return formErrorsFromDetails(error.details, LABELS);
  return { message: error.message, fields: {} };
}
