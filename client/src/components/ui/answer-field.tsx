import type { AnswerValue, Choice, QuestionType } from "../../lib/questions";
import { describedByOf, FieldMessages } from "./text-field";
import "./answer-field.css";

type AnswerFieldProps = {
  /** Ids of the inputs derive from this; the free-text box (or the first choice) gets `id` itself so errors can link to it. */
  id: string;
  type: QuestionType;
  choices?: Choice[];
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
  /** A submitted answer is shown but can't be changed. */
  readOnly?: boolean;
  hint?: string;
  error?: string;
};

/** The one control a candidate answers with: a text box, radio buttons or checkboxes depending on the question. */
export function AnswerField({
  id,
  type,
  choices = [],
  value,
  onChange,
  readOnly,
  hint: givenHint,
  error,
}: AnswerFieldProps) {
  const multiple = type === "multi-choice";
  const defaultHint =
    type === "free-text" || readOnly ? undefined : multiple ? "Choose all that apply." : "Choose one.";
  const hint = givenHint ?? defaultHint;
  const describedBy = describedByOf(id, hint, error);
  const fieldClass = error ? "field field-invalid" : "field";

  if (type === "free-text") {
    return (
      <div className={fieldClass}>
        <label className="field-label" htmlFor={id}>
          Your answer
        </label>
        <FieldMessages id={id} hint={hint} error={error} />
        <textarea
          id={id}
          className="input textarea"
          rows={8}
          maxLength={5000}
          value={typeof value === "string" ? value : ""}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    );
  }

  const picked = new Set(typeof value === "string" ? (value ? [value] : []) : value);
  const toggle = (choiceId: string, checked: boolean) => {
    if (!multiple) return onChange(choiceId);
    // Keep the presented order rather than click order, so the same selection always saves as the same array.
    onChange(choices.map((c) => c.id).filter((cid) => (cid === choiceId ? checked : picked.has(cid))));
  };

  return (
    <fieldset className={fieldClass} aria-describedby={describedBy}>
      <legend className="field-label">Your answer</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="choice-options">
        {choices.map((choice, index) => {
          const inputId = index === 0 ? id : `${id}-${choice.id}`;
          return (
            <div className="choice-option" key={choice.id}>
              <input
                type={multiple ? "checkbox" : "radio"}
                id={inputId}
                name={id}
                value={choice.id}
                checked={picked.has(choice.id)}
                disabled={readOnly}
                onChange={(event) => toggle(choice.id, event.target.checked)}
              />
              <label htmlFor={inputId}>{choice.text}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
