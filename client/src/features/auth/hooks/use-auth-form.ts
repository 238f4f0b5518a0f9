import type { FormEvent } from "react";
import type { z } from "zod/mini";
import { detailsFromIssues, formErrorsFromDetails, useFormFailure, type FormErrors } from "../../../lib/form-errors";

interface Mutation<T> {
  isPending: boolean;
  mutate(input: T, options: { onError: (error: Error) => void }): void;
}

/**
 * Log-in and sign-up behave alike: the browser's own validation is off, the schema checks the fields first and its
 * messages name the fields by their labels, and a refusal from the server becomes the form's error summary.
 */
export function useAuthForm<T>(
  schema: z.ZodMiniType<T>,
  labels: Record<string, string>,
  mutation: Mutation<T>,
  errorsOf: (error: Error) => FormErrors,
) {
  const { failure, fail, fieldError } = useFormFailure();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      fail(formErrorsFromDetails(detailsFromIssues(parsed.error.issues), labels));
      return;
    }
    mutation.mutate(parsed.data, { onError: (error) => fail(errorsOf(error)) });
  }

  return { failure, fieldError, handleSubmit };
}
