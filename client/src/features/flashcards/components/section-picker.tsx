import { SECTION_LABELS, SECTIONS, type Section } from "../../../lib/questions";

type SectionPickerProps = { sections: Section[]; onChange: (sections: Section[]) => void };

/** Which sections to study: folded into one line until opened, so it costs a phone no space. */
export function SectionPicker({ sections, onChange }: SectionPickerProps) {
  const summary = sections.length === 0 ? "All sections" : sections.map((s) => SECTION_LABELS[s]).join(", ");
  const toggle = (section: Section, on: boolean) =>
    onChange(on ? [...sections, section] : sections.filter((s) => s !== section));
  return (
    <details className="fc-sections">
      <summary>
        Sections: <span className="fc-sections-chosen">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">Sections to study</legend>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <label className="fc-toggle">
                <input
                  type="checkbox"
                  checked={sections.includes(section)}
                  onChange={(e) => toggle(section, e.target.checked)}
                />
                {SECTION_LABELS[section]}
              </label>
            </li>
          ))}
        </ul>
        {sections.length > 0 && (
          <button type="button" className="button button-secondary button-small" onClick={() => onChange([])}>
            Study all sections
          </button>
        )}
      </fieldset>
    </details>
  );
}
