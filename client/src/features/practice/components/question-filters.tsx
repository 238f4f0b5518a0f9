import { useState } from "react";
import { CheckGroup } from "../../../components/ui/check-group";
import {
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  QUESTION_TYPES,
  SECTION_LABELS,
  SECTIONS,
  TYPE_LABELS,
} from "../../../lib/questions";
import { activeFilterCount, PROGRESS_FILTERS, type PracticeFilters, type ProgressFilter } from "../utils/filters";

type QuestionFiltersProps = {
  filters: PracticeFilters;
  onChange: (filters: PracticeFilters) => void;
};

const PROGRESS_LABELS: Record<ProgressFilter | "all", string> = {
  all: "All",
  unsolved: "Not solved yet",
  solved: "Solved",
};

const WIDE = "(min-width: 56rem)";

/** Each tick applies at once (and lands in the address); there is no "Apply" step to forget. */
export function QuestionFilters({ filters, onChange }: QuestionFiltersProps) {
  // Open beside the list on wide screens; on a phone fifteen chips would push the questions off the first screen.
  const [open, setOpen] = useState(() => typeof window.matchMedia !== "function" || window.matchMedia(WIDE).matches);
  const count = activeFilterCount(filters);

  return (
    <details className="filters card" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="filters-summary">
        Filters
        {count > 0 && <span className="badge">{count} on</span>}
      </summary>
      <div className="filters-body">
        <CheckGroup
          legend="Section"
          idPrefix="filter-section"
          name="section"
          options={SECTIONS}
          labels={SECTION_LABELS}
          selected={filters.section}
          onChange={(section) => onChange({ ...filters, section })}
        />
        <CheckGroup
          legend="Type"
          idPrefix="filter-type"
          name="type"
          options={QUESTION_TYPES}
          labels={TYPE_LABELS}
          selected={filters.type}
          onChange={(type) => onChange({ ...filters, type })}
        />
        <CheckGroup
          legend="Difficulty"
          idPrefix="filter-difficulty"
          name="difficulty"
          options={DIFFICULTIES}
          labels={DIFFICULTY_LABELS}
          selected={filters.difficulty}
          onChange={(difficulty) => onChange({ ...filters, difficulty })}
        />
        <fieldset className="field check-group">
          <legend className="field-label">Your progress</legend>
          <div className="chips">
            {(["all", ...PROGRESS_FILTERS] as const).map((option) => (
              <div className="chip" key={option}>
                <input
                  type="radio"
                  id={`filter-progress-${option}`}
                  name="progress"
                  value={option}
                  checked={(filters.progress ?? "all") === option}
                  onChange={() => onChange({ ...filters, progress: option === "all" ? undefined : option })}
                />
                <label htmlFor={`filter-progress-${option}`}>{PROGRESS_LABELS[option]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {filters.tag && (
          <p className="filters-tag">
            Tagged <span className="badge">{filters.tag}</span>
            <button type="button" className="button-link" onClick={() => onChange({ ...filters, tag: undefined })}>
              Remove tag filter
            </button>
          </p>
        )}
        {count > 0 && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange({ section: [], type: [], difficulty: [], q: filters.q, page: 1 })}
          >
            Clear all filters
          </button>
        )}
      </div>
    </details>
  );
}
