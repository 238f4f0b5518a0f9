import { Heading } from "./heading";
import type { GradedAnswer, HeadingLevel } from "./types";

type ListProps<T> = { items: T[]; conceptLabel: (id: string) => string; level: HeadingLevel; title: string };

export function CoveredList({ items, conceptLabel, level, title }: ListProps<GradedAnswer["matched"][number]>) {
  // One line per concept even when the grader cites several passages for it.
  const concepts = [...new Set(items.map((item) => item.concept))];
  return (
    <section className="grade-section">
      <Heading level={level}>{title}</Heading>
      {concepts.length === 0 ? (
        <p className="grade-note">None of the key points yet.</p>
      ) : (
        <ul className="concept-list concept-list-covered">
          {concepts.map((concept) => (
            <li key={concept}>
              <span className="concept-mark" aria-hidden="true">
                ✓
              </span>
              {conceptLabel(concept)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
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
