import { difficultyLabel, sectionLabel, typeLabel } from "../../../lib/questions";
import type { Question } from "../api/get-questions";

export function QuestionMeta({ question }: { question: Pick<Question, "section" | "type" | "difficulty" | "followUpOf"> }) {
  return (
    <p className="question-meta">
      {question.followUpOf && <span className="badge badge-follow-up">Follow-up</span>}
      <span className="badge">{sectionLabel(question.section)}</span>
      <span>{typeLabel(question.type)}</span>
      <span aria-hidden="true">·</span>
      <span className={`difficulty difficulty-${question.difficulty}`}>{difficultyLabel(question.difficulty)}</span>
    </p>
  );
}
