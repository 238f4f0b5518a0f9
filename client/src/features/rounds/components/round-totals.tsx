import { VerdictBadge } from "../../../components/grading/verdict-badge";
import type { RoundTotals as Totals } from "../types";
import { formatPoints } from "../utils/format";

export function RoundTotals({ totals }: { totals: Totals }) {
  return (
    <section className="card round-totals" aria-labelledby="totals-heading">
      <h3 id="totals-heading" className="visually-hidden">
        Your score
      </h3>
      <p className="round-totals-score">
        <strong className="round-totals-percent">{totals.percent}%</strong>
        <span>
          {formatPoints(totals.score)} of {totals.maxScore} points
        </span>
      </p>
      <ul className="round-totals-counts">
        <li>
          <VerdictBadge verdict="correct" /> <span className="count">{totals.correct}</span>
        </li>
        <li>
          <VerdictBadge verdict="partial" /> <span className="count">{totals.partial}</span>
        </li>
        <li>
          <VerdictBadge verdict="incorrect" /> <span className="count">{totals.incorrect}</span>
        </li>
        <li>
          <VerdictBadge verdict="unanswered" /> <span className="count">{totals.unanswered}</span>
        </li>
      </ul>
    </section>
  );
}
