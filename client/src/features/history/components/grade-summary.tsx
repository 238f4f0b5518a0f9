import { formatScore, verdictLabel, VerdictBadge } from "../../../components/grading/verdict-badge";
import type { HistoryItem } from "../types";

/** The grade that stands (a mentor's override wins) and, when overridden, what the grader said — both always visible. */
export function GradeSummary({ item }: { item: Pick<HistoryItem, "autoGrade" | "effectiveGrade" | "overrides"> }) {
  const { effectiveGrade, autoGrade } = item;
  return (
    <span className="grade-summary">
      <VerdictBadge verdict={effectiveGrade.verdict} score={effectiveGrade.score} />
      {effectiveGrade.overridden && (
        <span className="grade-summary-auto">
          mentor override · grader said {verdictLabel(autoGrade.verdict).toLowerCase()} ({formatScore(autoGrade.score)})
        </span>
      )}
    </span>
  );
}
