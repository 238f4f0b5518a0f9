import { GradeDetails } from "../../../components/grading/grade-details";
import { VerdictBadge } from "../../../components/grading/verdict-badge";
import { formatDuration } from "../../../lib/format-time";
import type { RoundResultItem } from "../types";

export function ResultItem({ item, number }: { item: RoundResultItem; number: number }) {
  const headingId = `result-${item.slug}`;
  return (
    <article className="card result" aria-labelledby={headingId}>
      <div className="result-head">
        <h2 id={headingId}>Question {number}</h2>
        <VerdictBadge verdict={item.verdict} score={item.score} />
      </div>
      <p className="question-prompt">{item.prompt}</p>
      {item.timeSpentSeconds !== null && <p className="result-time">Time spent: {formatDuration(item.timeSpentSeconds)}</p>}
      <GradeDetails result={item} level={3} />
    </article>
  );
}
