import { Link, useLocation } from "react-router";
import { formatDateTime, formatDuration } from "../../../lib/format-time";
import { sectionLabel, typeLabel } from "../../../lib/questions";
import { useHistory } from "../api/history";
import type { HistoryFilters, HistoryItem } from "../types";
import { DisputeBadges } from "./dispute-panel";
import { GradeSummary } from "./grade-summary";
import { LoadError } from "../../../components/ui/page-status";
import { SkeletonList } from "../../../components/ui/skeleton";
import { openedFrom } from "../back-link";
import "../../../components/ui/cards.css";
import "../../../components/ui/question.css";
import "../history.css";

export function HistoryList({ candidate, filters }: { candidate?: string; filters: HistoryFilters }) {
  const history = useHistory(candidate, filters);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const nestedFollowUps = followsChainAbove(items);

  if (history.isPending) return <SkeletonList words="Loading answers…" />;
  if (history.isError) {
    return <LoadError what="the answers" error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (items.length === 0) return <NoAnswers candidate={candidate} filtered={Object.values(filters).some(Boolean)} />;

  return (
    <>
      <ol className="history-list" aria-label="Answers, newest first">
        {items.map((item, index) => (
          <HistoryRow key={item.id} item={item} nested={nestedFollowUps[index]!} />
        ))}
      </ol>
      {history.hasNextPage && (
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={history.isFetchingNextPage || undefined}
          onClick={() => !history.isFetchingNextPage && void history.fetchNextPage()}
        >
          {history.isFetchingNextPage ? "Loading older answers…" : "Show older answers"}
        </button>
      )}
    </>
  );
}

/** What to do when the list is empty: widen the filters, or (for the candidate) answer a first question. */
function NoAnswers({ candidate, filtered }: { candidate: string | undefined; filtered: boolean }) {
  const { pathname } = useLocation();
  if (filtered) {
    return (
      <div className="card empty-state">
        <p>No answers match these filters. Choose “All” in a filter to see more.</p>
        <Link to={pathname}>Clear the filters</Link>
      </div>
    );
  }
  if (candidate) {
    return (
      <div className="card empty-state">
        <p>No answers yet. Each answer this candidate gives, in practice or a mock round, shows here to review.</p>
      </div>
    );
  }
  return (
    <div className="card empty-state">
      <p>You haven't answered a question yet. Each answer you give, in practice or a mock round, shows here.</p>
      <Link className="button button-primary button-small" to="/practice">
        Practise a question
      </Link>
    </div>
  );
}

/** For each item: is it a follow-up listed under its parent's answer (directly, or below an earlier follow-up of it)? */
export function followsChainAbove(items: Pick<HistoryItem, "question" | "followUpOf">[]): boolean[] {
  let chain: string[] = [];
  return items.map((item) => {
    const nested = item.followUpOf !== undefined && chain.includes(item.followUpOf);
    chain = nested ? [...chain, item.question.slug] : [item.question.slug];
    return nested;
  });
}

function HistoryRow({ item, nested = false }: { item: HistoryItem; nested?: boolean }) {
  const location = useLocation();
  const over = item.timeSpentSeconds !== null && item.timeSpentSeconds > item.timeBudgetSeconds;
  return (
    <li className={`card history-row${nested ? " history-row-follow-up" : ""}`}>
      <div className="history-row-main">
        {item.followUpOf && (
          <p className="history-row-label">
            <span className="badge badge-follow-up">Follow-up</span>
            {nested && <span className="visually-hidden"> to the answer above</span>}
          </p>
        )}
        <Link to={`/answers/${item.id}`} state={openedFrom(location)} className="history-row-title">
          {item.question.title}
        </Link>
        {item.question.title !== item.question.prompt && <p className="history-row-prompt">{item.question.prompt}</p>}
        <p className="history-row-meta">
          {sectionLabel(item.question.section)} · {typeLabel(item.question.type)} · v{item.question.version} ·{" "}
          {item.source === "round" ? "Mock round" : "Practice"} ·{" "}
          <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
          {item.timeSpentSeconds !== null && (
            <span className={over ? "history-over" : undefined}>
              {" "}
              · {formatDuration(item.timeSpentSeconds)} of {formatDuration(item.timeBudgetSeconds)}
              {over ? " (over budget)" : ""}
            </span>
          )}
          {item.commentCount > 0 && ` · ${item.commentCount} comment${item.commentCount === 1 ? "" : "s"}`}
        </p>
      </div>
      <span className="history-row-grade">
        <GradeSummary item={item} />
        <DisputeBadges item={item} />
      </span>
    </li>
  );
}
