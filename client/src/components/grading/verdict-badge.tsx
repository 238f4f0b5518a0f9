import type { Verdict } from "./types";
import "./grading.css";

const VERDICTS: Record<Verdict, { label: string; icon: string }> = {
  correct: { label: "Correct", icon: "✓" },
  partial: { label: "Partly correct", icon: "◐" },
  incorrect: { label: "Incorrect", icon: "✗" },
  unanswered: { label: "Not answered", icon: "–" },
};

export const verdictLabel = (verdict: Verdict) => VERDICTS[verdict].label;

export const formatScore = (score: number) => `${Math.round(score * 100)}%`;

/** Icon, colour and words together: the colour alone would say nothing to someone who can't tell red from green. */
export function VerdictBadge({ verdict, score }: { verdict: Verdict; score?: number }) {
  const { label, icon } = VERDICTS[verdict];
  return (
    <span className={`verdict verdict-${verdict}`}>
      <span className="verdict-icon" aria-hidden="true">
        {icon}
      </span>
      {label}
      {score !== undefined && verdict !== "unanswered" && (
        <span className="verdict-score">
          <span className="visually-hidden">, score </span>
          {formatScore(score)}
        </span>
      )}
    </span>
  );
}
