import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../../lib/api-client";
import { formatDuration } from "../../../lib/format-time";
import { useQuestion } from "../api/get-question";
import { PracticeQuestion } from "../components/practice-question";
import { QuestionMeta } from "../components/question-meta";
import { filterSearch, readFilters } from "../utils/filters";
import "../../../components/ui/question.css";
import "../../../components/grading/grading.css";
import "../practice.css";
import { Loading } from "../../../components/ui/page-status";

export function PracticeQuestionRoute() {
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const question = useQuestion(slug);
  const listHref = `/practice${filterSearch(filters)}`;

  const back = (
    <Link to={listHref} className="back-link">
      <span aria-hidden="true">← </span>All questions
    </Link>
  );

  if (question.isPending) {
    return (
      <>
        {back}
        <Loading>Loading the question…</Loading>
      </>
    );
  }

  if (question.isError && question.error instanceof ApiError && question.error.code === "parent_not_answered") {
    const parent = question.error.parent;
    return (
      <>
        <title>Follow-up question · Watermark</title>
        {back}
        <div className="card coming-soon" role="alert">
          <h1>Answer the first question before its follow-up</h1>
          <p className="lede">The interviewer asks this only after you have answered the question it follows up.</p>
          {parent && (
            <Link
              className="button button-primary"
              to={`/practice/${encodeURIComponent(parent)}${filterSearch(filters)}`}
            >
              Go to that question
            </Link>
          )}
        </div>
      </>
    );
  }

  if (question.isError) {
    const missing = question.error instanceof ApiError && question.error.status === 404;
    return (
      <>
        <title>{`${missing ? "Question not found" : "Couldn't load the question"} · Watermark`}</title>
        {back}
        <div className="card coming-soon" role="alert">
          <h1>{missing ? "Question not found" : "We couldn't load this question"}</h1>
          <p className="lede">
            {missing ? "It may have been retired from the bank, or the link may have a typo." : question.error.message}
          </p>
          {!missing && (
            <button type="button" className="button button-primary" onClick={() => void question.refetch()}>
              Try again
            </button>
          )}
        </div>
      </>
    );
  }

  const q = question.data;
  return (
    <>
      <title>{`${q.title} · Practice · Watermark`}</title>
      {back}
      <div className="question-header">
        <QuestionMeta question={q} />
        {q.followUpOf && (
          <p className="follow-up-of">
            The interviewer follows up on{" "}
            <Link to={`/practice/${encodeURIComponent(q.followUpOf)}${filterSearch(filters)}`}>
              your earlier answer
            </Link>
            .
          </p>
        )}
        <h1 className="question-prompt">{q.prompt}</h1>
        <p className="question-budget">Suggested time: {formatDuration(q.timeBudgetSeconds)}</p>
        {q.tags.length > 0 && (
          <p className="question-tags">
            <span className="visually-hidden">Tags: </span>
            {q.tags.map((tag) => (
              <Link key={tag} className="tag-link" to={`/practice?tag=${encodeURIComponent(tag)}`}>
                #{tag}
              </Link>
            ))}
          </p>
        )}
      </div>
      <PracticeQuestion key={q.slug} question={q} filters={filters} />
    </>
  );
}
