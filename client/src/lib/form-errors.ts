import { useState } from "react";
import type { ErrorDetail } from "./api-client";

/** What a failed submit shows: a general message and/or messages keyed by field name. */
export type FormErrors = {
  message?: string;
  fields: Record<string, string>;
};

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** Zod issues in the server's `details` shape, so client and server errors take one path to the screen. */
export function detailsFromIssues(issues: readonly Issue[]): ErrorDetail[] {
  return issues.map(({ path, message }) => ({ path: path.map(String).join("."), message }));
}

export function formErrorsFromDetails(details: ErrorDetail[], labels: Record<string, string>): FormErrors {
  const fields: Record<string, string> = {};
  for (const { path, message } of details) {
    // Keep the first message per field: later ones usually restate it ("required", then "invalid format").
    fields[path] ??= withFieldName(labels[path], message);
  }
  return { fields };
}

/** Server messages are fragments such as "must be at least 10 characters"; name the field so they stand alone. */
function withFieldName(label: string | undefined, message: string): string {
  const first = message.charAt(0);
  return label && first !== first.toUpperCase() ? `${label} ${message}` : message;
}

/**
 * `attempt` changes on every failed submit, even when the errors are identical, so the summary can be
 * keyed on it: remounting re-announces the alert and moves focus to it again.
 */
export function useFormFailure() {
  const [failure, setFailure] = useState<{ attempt: number; errors: FormErrors } | null>(null);
  const fail = (errors: FormErrors) => setFailure((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, errors }));
  return { failure, fail, fieldError: (name: string) => failure?.errors.fields[name] };
}
