import { GradeDetails } from "../../../components/grading/grade-details";
import { VerdictBadge } from "../../../components/grading/verdict-badge";
import { formatDuration } from "../../../lib/format-time";
import type { RoundResultItem, RoundStatus } from "../types";

/** How the answer came to be: a draft's "time spent" would only say when it was last saved, so it isn't shown. */
function answerNote(item: RoundResultItem, closedBy: Exclude<RoundStatus, "open">): string | undefined {
  if (item.notReached) return "Not reached: the round closed before you submitted the question it follows up.";
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

export function ResultItem({ item, number, closedBy, parentNumber }: ResultItemProps) {
  const note = answerNote(item, closedBy);
  const headingId = `result-${item.slug}`;
  return (
    <article className={`card result${item.followUpOf ? " result-follow-up" : ""}`} aria-labelledby={headingId}>
      <div className="result-head">
        <h2 id={headingId}>
          Question {number}
          {item.followUpOf && (
            <span className="result-follow-up-label">
              {" "}
              · Follow-up{parentNumber !== undefined ? ` to question ${parentNumber}` : ""}
            </span>
          )}
        </h2>
        <VerdictBadge verdict={item.verdict} score={item.score} />
      </div>
      <p className="question-prompt">{item.prompt}</p>
      {note && <p className="result-time">{note}</p>}
      <GradeDetails result={item} level={3} />
    </article>
  );
}
