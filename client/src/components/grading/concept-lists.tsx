import { Heading } from "./heading";
import type { GradedAnswer, HeadingLevel } from "./types";
import "./grading.css";

type ListProps<T> = { items: T[]; conceptLabel: (id: string) => string; level: HeadingLevel; title: string };

type CoveredProps = ListProps<GradedAnswer["matched"][number]> & {
  /** A right framework choice earns credit of its own, so it is a covered point too (e.g. "You chose Apache Flink"). */
  rightChoice?: string;
};

export function CoveredList({ items, conceptLabel, level, title, rightChoice }: CoveredProps) {
  // One line per concept even when the grader cites several passages for it.
  const points = [...(rightChoice ? [rightChoice] : []), ...new Set(items.map((item) => conceptLabel(item.concept)))];
  return (
    <section className="grade-section">
      <Heading level={level}>{title}</Heading>
      {points.length === 0 ? (
        <p className="grade-note">None of the key points yet.</p>
      ) : (
        <ul className="concept-list concept-list-covered">
          {points.map((point) => (
            <li key={point}>
              <span className="concept-mark" aria-hidden="true">
                ✓
              </span>
              {point}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The options a free-text answer committed to, when every one of them is right for the scenario. */
export function rightChoiceOf(result: Pick<GradedAnswer, "choice" | "options">): string[] {
  const committed = result.choice?.committed ?? [];
  const right = committed.length > 0 && committed.every((id) => result.choice!.expected.includes(id));
  return right ? committed.map((id) => result.options?.[id] ?? id) : [];
}

export function MissedList({ items, conceptLabel, level, title }: ListProps<GradedAnswer["missed"][number]>) {
  if (items.length === 0) return null;
  return (
    <section className="grade-section">
      <Heading level={level}>{title}</Heading>
      <ul className="concept-list concept-list-missed">
        {items.map((item) => (
          <li key={item.concept}>
            <span className="concept-mark" aria-hidden="true">
              ✗
            </span>
            <span>
              <strong>{conceptLabel(item.concept)}</strong>
              <span className="concept-hint">{item.hint}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
