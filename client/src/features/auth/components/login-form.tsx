import type { FormEvent } from "react";
import { ErrorSummary } from "../../../components/ui/error-summary";
import { SubmitButton } from "../../../components/ui/submit-button";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";
import { detailsFromIssues, formErrorsFromDetails, useFormFailure, type FormErrors } from "../../../lib/form-errors";
import { loginInputSchema, useLogin } from "../api/login";
import { waitAdvice } from "./wait-advice";

const LABELS = { email: "Email", password: "Password" };
const FIELD_IDS = { email: "login-email", password: "login-password" };

export function LoginForm() {
  const login = useLogin();
  const { failure, fail, fieldError } = useFormFailure();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const parsed = loginInputSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      fail(formErrorsFromDetails(detailsFromIssues(parsed.error.issues), LABELS));
      return;
    }
    login.mutate(parsed.data, { onError: (error) => fail(loginErrors(error)) });
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={FIELD_IDS} />}
      <TextField
        id={FIELD_IDS.email}
        name="email"
        type="email"
        label={LABELS.email}
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        error={fieldError("email")}
      />
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
