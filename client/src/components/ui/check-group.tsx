import "./check-group.css";
type CheckGroupProps<T extends string> = {
  legend: string;
  /** Prefix for the checkbox ids; the first one's id is exactly this, so an error summary can link to it. */
  idPrefix: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  hint?: string;
};

/** A set of toggles styled as chips: compact enough that nine sections fit on a phone without a separate screen. */
export function CheckGroup<T extends string>({
  legend,
  idPrefix,
  name,
  options,
  labels,
  selected,
  onChange,
  hint,
}: CheckGroupProps<T>) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  return (
    <fieldset className="field check-group" aria-describedby={hintId}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="chips">
        {options.map((option, index) => {
          const id = index === 0 ? idPrefix : `${idPrefix}-${option}`;
          return (
            <div className="chip" key={option}>
              <input
                type="checkbox"
                id={id}
                name={name}
                value={option}
                checked={selected.includes(option)}
                onChange={(event) =>
                  // Keep the canonical order so the same selection always makes the same URL.
                  onChange(options.filter((o) => (o === option ? event.target.checked : selected.includes(o))))
                }
              />
              <label htmlFor={id}>{labels[option]}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
