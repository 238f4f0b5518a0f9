import { Link } from "react-router";
import type { Question } from "../api/get-questions";
import { filterSearch, type PracticeFilters } from "../utils/filters";
import { QuestionMeta } from "./question-meta";

export function QuestionList({ questions, filters }: { questions: Question[]; filters: PracticeFilters }) {
  // The question page keeps the list's filters in its address, for "All questions" and "Next question".
  const search = filterSearch(filters);
  return (
    <ol className="question-list">
      {questions.map((question) => (
        <li key={question.slug} className="card question-item">
          <QuestionMeta question={question} />
          <h2 className="question-item-title">
            <Link to={`/practice/${encodeURIComponent(question.slug)}${search}`} className="stretched-link">
              {question.prompt}
            </Link>
          </h2>
        </li>
      ))}
    </ol>
  );
}
