import { GradeDetails } from "../../../components/grading/grade-details";
import { VerdictBadge } from "../../../components/grading/verdict-badge";
import { formatDuration } from "../../../lib/format-time";
import type { RoundResultItem, RoundStatus } from "../types";
import { resultAnchor } from "./results-overview";

/** How the answer came to be: a draft's "time spent" would only say when it was last saved, so it isn't shown. */
function answerNote(item: RoundResultItem, closedBy: Exclude<RoundStatus, "open">): string | undefined {
  if (item.notReached) return undefined;
  if (item.gradedFromDraft) {
    return closedBy === "expired"
      ? "Graded from your saved draft when time ran out."
      : "Graded from your saved draft when you finished the round.";
  }
  return item.timeSpentSeconds !== null ? `Time spent: ${formatDuration(item.timeSpentSeconds)}` : undefined;
}

type ResultItemProps = {
  item: RoundResultItem;
  number: number;
  closedBy: Exclude<RoundStatus, "open">;
  /** For a follow-up: the number of the question it follows up. */
  parentNumber?: number;
};

/**
 * A follow-up opens only once its parent is submitted, so one never reached was not skipped: whether the candidate
 * finished or time ran out, the question before it was never submitted. It still scores as unanswered.
 */
function notReachedText(parentNumber: number | undefined): string {
  const parent = parentNumber !== undefined ? `question ${parentNumber}` : "the question it follows up";
  return `Not reached: this follow-up opens only once ${parent} is submitted, and it wasn't. It counts as unanswered.`;
}

export function ResultItem({ item, number, closedBy, parentNumber }: ResultItemProps) {
  const note = answerNote(item, closedBy);
  const headingId = `result-${item.slug}`;
  return (
    // Focusable so that the overview's jump link takes keyboard and screen-reader users here, not only the view.
    <article
      id={resultAnchor(number)}
      tabIndex={-1}
      className={`card result${item.followUpOf ? " result-follow-up" : ""}`}
      aria-labelledby={headingId}
    >
      <div className="result-head">
        <h3 id={headingId}>
          Question {number}: {item.title}
          {item.followUpOf && (
            <span className="result-follow-up-label">
              {" "}
              · Follow-up{parentNumber !== undefined ? ` to question ${parentNumber}` : ""}
            </span>
          )}
        </h3>
        <VerdictBadge verdict={item.verdict} score={item.score} />
      </div>
      <p className="question-prompt">{item.prompt}</p>
      {note && <p className="result-time">{note}</p>}
      <GradeDetails result={item} level={4} noAnswerText={item.notReached ? notReachedText(parentNumber) : undefined} />
      <a className="result-back" href="#overview">
        Back to the overview
      </a>
    </article>
  );
}
