import { SECTIONS, sectionLabel, QUESTION_TYPES, typeLabel } from "../../../lib/questions";
import type { HistoryFilters } from "../types";

type Props = { filters: HistoryFilters; onChange: (next: HistoryFilters) => void };

const SELECTS: { key: keyof HistoryFilters; label: string; options: [string, string][] }[] = [
  { key: "section", label: "Section", options: SECTIONS.map((s) => [s, sectionLabel(s)]) },
  { key: "type", label: "Type", options: QUESTION_TYPES.map((t) => [t, typeLabel(t)]) },
  {
    key: "verdict",
    label: "Grader's verdict",
    options: [
      ["correct", "Correct"],
      ["partial", "Partly correct"],
      ["incorrect", "Incorrect"],
    ],
  },
  {
    key: "source",
    label: "Source",
    options: [
      ["round", "Mock round"],
      ["practice", "Practice"],
    ],
  },
];

export function HistoryFiltersBar({ filters, onChange }: Props) {
  return (
    <form className="history-filters" aria-label="Filter answers" onSubmit={(e) => e.preventDefault()}>
      {SELECTS.map(({ key, label, options }) => (
        <div className="field" key={key}>
          <label className="field-label" htmlFor={`hf-${key}`}>
            {label}
          </label>
          <select
            id={`hf-${key}`}
            className="input"
            value={filters[key] ?? ""}
            onChange={(e) => onChange({ ...filters, [key]: e.target.value || undefined })}
          >
            <option value="">All</option>
            {options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      ))}
      {(["from", "to"] as const).map((key) => (
        <div className="field" key={key}>
          <label className="field-label" htmlFor={`hf-${key}`}>
            {key === "from" ? "From" : "To"}
          </label>
          <input
            id={`hf-${key}`}
            type="date"
            className="input"
            value={filters[key] ?? ""}
            onChange={(e) => onChange({ ...filters, [key]: e.target.value || undefined })}
          />
        </div>
      ))}
    </form>
  );
}

export function readHistoryFilters(params: URLSearchParams): HistoryFilters {
  const get = (k: string) => params.get(k) || undefined;
  return {
    section: get("section"),
    type: get("type"),
    verdict: get("verdict"),
    source: get("source"),
    from: get("from"),
    to: get("to"),
  };
}

export function writeHistoryFilters(filters: HistoryFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
}
