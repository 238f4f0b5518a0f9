import { difficultyLabel, sectionLabel, typeLabel } from "../../../lib/questions";
import type { Question } from "../api/get-questions";

const PROGRESS_LABELS = { solved: "Solved", attempted: "Attempted" } as const;

export function QuestionMeta({
  question,
}: {
  question: Pick<Question, "section" | "type" | "difficulty" | "followUpOf" | "progress">;
}) {
  return (
    <p className="question-meta">
      {question.progress && (
        <span className={`badge badge-progress badge-${question.progress}`}>
          {question.progress === "solved" && <span aria-hidden="true">✓</span>}
          {PROGRESS_LABELS[question.progress]}
        </span>
      )}
      {question.followUpOf && <span className="badge badge-follow-up">Follow-up</span>}
      <span className="badge">{sectionLabel(question.section)}</span>
      {/* Kept on one line, so a narrow screen never leaves the dot hanging at the end of a line. */}
      <span className="question-meta-kind">
        {typeLabel(question.type)} <span aria-hidden="true">·</span>{" "}
        <span className={`difficulty difficulty-${question.difficulty}`}>{difficultyLabel(question.difficulty)}</span>
      </span>
    </p>
  );
}
