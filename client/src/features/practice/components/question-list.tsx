import { Link } from "react-router";
import type { Question } from "../api/get-questions";
import { filterSearch, type PracticeFilters } from "../utils/filters";
import { QuestionMeta } from "./question-meta";

export function QuestionList({
  questions,
  filters,
  busy = false,
}: {
  questions: Question[];
  filters: PracticeFilters;
  busy?: boolean;
}) {
  // The question page keeps the list's filters in its address, for "All questions" and "Next question".
  const search = filterSearch(filters);
  // A search may match words anywhere in the prompt: shown whole, the row visibly holds what was searched for.
  const className = filters.q ? "question-list question-list-searched" : "question-list";
  return (
    <ol className={className} aria-busy={busy || undefined}>
      {questions.map((question) => (
        <li key={question.slug} className="card question-item">
          <QuestionMeta question={question} />
          <h2 className="question-item-title">
            <Link to={`/practice/${encodeURIComponent(question.slug)}${search}`} className="stretched-link">
              {question.title}
            </Link>
          </h2>
          {question.title !== question.prompt && <p className="question-item-prompt">{question.prompt}</p>}
        </li>
      ))}
    </ol>
  );
}
