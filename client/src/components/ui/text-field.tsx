import type { InputHTMLAttributes } from "react";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

export function TextField({ id, label, hint, error, ...inputProps }: TextFieldProps) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        {...inputProps}
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, hint, error)}
      />
    </div>
  );
}

/** The `aria-describedby` that ties a control to the hint and error `FieldMessages` renders for the same id. */
export function describedByOf(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error, with the ids `describedByOf` points at. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </>
  );
}

export function FieldError({ id, children }: { id: string | undefined; children: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {children}
    </p>
  );
}
