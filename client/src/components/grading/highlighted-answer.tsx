import { highlightSegments } from "./highlight";
import type { GradedAnswer } from "./types";
import "./grading.css";

type HighlightedAnswerProps = {
  answer: string;
  matched: GradedAnswer["matched"];
  conceptLabel: (id: string) => string;
};

/** The candidate's own words with the passages that earned credit marked. Text nodes only: the answer is untrusted. */
export function HighlightedAnswer({ answer, matched, conceptLabel }: HighlightedAnswerProps) {
  if (answer.trim() === "") return <p className="answer-empty">You left the answer empty.</p>;
  const segments = highlightSegments(answer, matched);
  const marked = segments.some((segment) => segment.concept !== undefined);
  return (
    <>
      {marked && <p className="grade-note">Highlighted passages earned credit.</p>}
      <blockquote className="answer-text">
        {segments.map((segment, index) =>
          segment.concept === undefined ? (
            segment.text
          ) : (
            <mark key={index} title={conceptLabel(segment.concept)}>
              {segment.text}
            </mark>
          ),
        )}
      </blockquote>
    </>
  );
}
