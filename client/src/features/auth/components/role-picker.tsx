import { FieldError } from "../../../components/ui/text-field";

const ROLE_OPTIONS = [
  {
    value: "candidate",
    label: "I'm preparing for interviews (candidate)",
    hint: "Timed mock rounds, flashcards and practice questions with instant feedback.",
  },
  {
    value: "mentor",
    label: "I coach candidates (mentor)",
    hint: "Review your candidates' answers and see how closely the grader agrees with you.",
  },
] as const;

export const ROLE_INPUT_ID = "signup-role-candidate";

export function RolePicker({ error }: { error?: string }) {
  const errorId = error ? "signup-role-error" : undefined;
  return (
    <fieldset className={error ? "field field-invalid" : "field"} aria-describedby={errorId}>
      <legend className="field-label">How will you use Watermark?</legend>
      {error && <FieldError id={errorId}>{error}</FieldError>}
      <div className="radio-cards">
        {ROLE_OPTIONS.map(({ value, label, hint }) => (
          <div className="radio-card" key={value}>
            <input
              type="radio"
              id={`signup-role-${value}`}
              name="role"
              value={value}
              // Most people signing up are preparing for interviews; coaching is the deliberate choice.
              defaultChecked={value === "candidate"}
              aria-describedby={`signup-role-${value}-hint`}
            />
            <label htmlFor={`signup-role-${value}`}>{label}</label>
            <p className="radio-card-hint" id={`signup-role-${value}-hint`}>
              {hint}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
