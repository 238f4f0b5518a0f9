import { useEffect, useId, useRef } from "react";
import type { FormErrors } from "../../lib/form-errors";
import "./error-summary.css";

type ErrorSummaryProps = {
  errors: FormErrors;
  /** Field name → input id, so each message links to the input it concerns. */
  fieldIds: Record<string, string>;
};

/** Mount it once per failed submit (key it on the attempt): mounting is what moves focus here. */
export function ErrorSummary({ errors, fieldIds }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const fieldMessages = Object.entries(errors.fields);

  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary-title" id={titleId}>
        There is a problem
      </h2>
      {errors.message && <p>{errors.message}</p>}
      {fieldMessages.length > 0 && (
        <ul className="error-summary-list">
          {fieldMessages.map(([name, message]) => (
            <li key={name}>
              <FieldLink inputId={fieldIds[name]}>{message}</FieldLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FieldLink({ inputId, children }: { inputId: string | undefined; children: string }) {
  if (!inputId) return children;
  return (
    <a
      href={`#${inputId}`}
      onClick={(event) => {
        // Following the fragment would only scroll; focusing puts the caret in the field to fix it.
        event.preventDefault();
        document.getElementById(inputId)?.focus();
      }}
    >
      {children}
    </a>
  );
}
