import type { ReactNode, Ref } from "react";
import { Link } from "react-router";
import type { NavigatorItem } from "./question-navigator";

const STATE = {
  answered: { label: "Answered", className: "summary-state-answered" },
  draft: { label: "Draft only, not submitted", className: "summary-state-draft" },
  empty: { label: "Not answered", className: "summary-state-empty" },
  locked: { label: "Follow-up, not reached yet", className: "summary-state-locked" },
} as const;

type RoundSummaryProps = {
  items: NavigatorItem[];
  headingRef: Ref<HTMLHeadingElement>;
  /** The question the candidate came from, to go back to. */
  current: number;
  /** The control that finishes the round (it asks for confirmation itself). */
  finish: ReactNode;
};

const count = (n: number, what: string) => `${n} ${what}`;

/**
 * Everything at a glance before finishing, as a quiz's attempt summary: each question's state, each a link back
 * to it. Flags are shown beside the state, since a flagged question can be in any state.
 */
export function RoundSummary({ items, headingRef, current, finish }: RoundSummaryProps) {
  const inState = (state: NavigatorItem["state"]) => items.filter((item) => item.state === state).length;
  const flagged = items.filter((item) => item.flagged).length;
  const counts = [
    count(inState("answered"), "answered"),
    count(inState("draft"), "draft only"),
    count(inState("empty"), "not answered"),
    ...(inState("locked") ? [count(inState("locked"), "not reached")] : []),
    count(flagged, "flagged"),
  ];
  return (
    <section className="card round-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" ref={headingRef} tabIndex={-1}>
        Summary before you finish
      </h2>
      <p className="round-summary-counts">{counts.join(" · ")}</p>
      <p className="round-summary-note">
        Drafts are graded as they stand when the round finishes. Open any question to change or submit it.
      </p>
      <ol className="round-summary-list">
        {items.map((item, index) => {
          const state = STATE[item.state];
          return (
            <li key={item.slug} className="round-summary-row">
              {/* The list's own numbering tells a screen reader the position; the link is named by its title alone. */}
              <span className="round-summary-number" aria-hidden="true">
                {index + 1}
              </span>
              <Link className="round-summary-link" to={`?q=${index + 1}`}>
                {item.title ?? "Follow-up (opens after the question before it)"}
              </Link>
              <span className="round-summary-tags">
                <span className={`summary-state ${state.className}`}>{state.label}</span>
                {item.flagged && (
                  <span className="summary-flag">
                    <span aria-hidden="true">⚑ </span>Flagged
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        {finish}
        <Link className="button button-secondary" to={`?q=${current + 1}`}>
          Back to the questions
        </Link>
      </div>
    </section>
  );
}
