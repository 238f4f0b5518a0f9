import { Link } from "react-router";
import { Pagination } from "../../../components/ui/pagination";
import { SkeletonList } from "../../../components/ui/skeleton";
import { useUrlState } from "../../../lib/use-url-state";
import { useQuestions } from "../api/get-questions";
import { QuestionFilters } from "../components/question-filters";
import { QuestionList } from "../components/question-list";
import { QuestionSearch } from "../components/question-search";
import { activeFilterCount, filterSearch, PAGE_SIZE, readFilters, type PracticeFilters } from "../utils/filters";
import "../../../components/ui/question.css";
import "../../../components/grading/grading.css";
import "../practice.css";

export function PracticeListRoute() {
  const { value: filters, shown: shownFilters, apply } = useUrlState(readFilters, filterSearch);
  const questions = useQuestions(filters, PAGE_SIZE);
  const data = questions.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  // A filter change starts again from page 1.
  const applyFilters = (next: PracticeFilters) => apply({ ...next, page: 1 });

  return (
    <>
      <title>Practice · Watermark</title>
      <div className="page-heading">
        <h1>Practice</h1>
        <p className="lede">
          Pick any question and answer it at your own pace. You'll see straight away what you covered and what you
          missed.
        </p>
      </div>
      <div className="practice-layout">
        <QuestionFilters filters={shownFilters} onChange={applyFilters} />
        <div className="practice-results">
          <QuestionSearch key={filters.q ?? ""} query={filters.q} onSearch={(q) => applyFilters({ ...filters, q })} />
          <p className="result-count" role="status">
            {data && `${data.total} question${data.total === 1 ? "" : "s"}`}
            {data && questions.isFetching && (
              <span className="result-count-updating">
                <span className="spinner" aria-hidden="true" /> Updating the list…
              </span>
            )}
          </p>
          {questions.isPending && <SkeletonList words="Loading questions…" />}
          {questions.isError && !data && (
            <div className="banner banner-error" role="alert">
              <p>We couldn't load the questions. {questions.error.message}</p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => void questions.refetch()}
              >
                Try again
              </button>
            </div>
          )}
          {data && data.items.length > 0 && (
            <QuestionList questions={data.items} filters={filters} busy={questions.isFetching} />
          )}
          {data && data.items.length === 0 && (
            <div className="card empty-state">
              {data.total > 0 ? (
                <p>
                  There's no page {filters.page} for these filters.{" "}
                  <Link to={`/practice${filterSearch({ ...filters, page: 1 })}`}>Go to the first page</Link>
                </p>
              ) : filters.q ? (
                <>
                  <p>
                    No questions match “{filters.q}”{activeFilterCount(filters) > 0 && " with these filters"}. Try fewer
                    or other words.
                  </p>
                  <Link to={`/practice${filterSearch({ ...filters, q: undefined, page: 1 })}`}>Clear the search</Link>
                </>
              ) : (
                <>
                  <p>No questions match these filters.</p>
                  <Link to="/practice">Clear all filters</Link>
                </>
              )}
            </div>
          )}
          {data && (
            <Pagination
              label="Question pages"
              page={filters.page}
              pageCount={pageCount}
              hrefFor={(page) => `/practice${filterSearch({ ...filters, page })}`}
            />
          )}
        </div>
      </div>
    </>
  );
}
