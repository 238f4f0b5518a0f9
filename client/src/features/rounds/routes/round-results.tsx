import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { formatDateTime, formatTime } from "../../../lib/format-time";
import { useCurrentUser } from "../../../lib/session";
import { useRound } from "../api/get-round";
import { ResultItem } from "../components/result-item";
import { QuestionRows, SectionScores } from "../components/results-overview";
import { RetryMissed } from "../components/retry-missed";
import { RoundTotals } from "../components/round-totals";
import type { RoundResultItem } from "../types";
import { forgetRound } from "../utils/local-round";
import { RoundLoadState } from "./round-load-state";
import "../../../components/ui/question.css";
import "../../../components/grading/grading.css";
import "../rounds.css";

export function RoundResultsRoute() {
  const { id = "" } = useParams();
  const round = useRound(id);
  // Only a candidate's own rounds reach them (anyone else's is a 404); a mentor reading one must not start rounds.
  const mine = useCurrentUser().role === "candidate";
  const closed = round.data !== undefined && round.data.status !== "open";

  useEffect(() => {
    // Drafts and pending submissions kept on this device can't be sent any more.
    if (closed) forgetRound(id);
  }, [closed, id]);

  if (!round.data) return <RoundLoadState error={round.error} onRetry={() => void round.refetch()} />;

  const data = round.data;
  const back = (
    <Link to="/rounds" className="back-link">
      <span aria-hidden="true">← </span>All rounds
    </Link>
  );

  if (data.status === "open" || !data.results) {
    return (
      <>
        <title>Round in progress · Watermark</title>
        {back}
        <div className="card coming-soon">
          <h1>This round is still open</h1>
          <p className="lede">Results appear once it's finished or its time runs out.</p>
          <Link className="button button-primary" to={`/rounds/${encodeURIComponent(id)}`}>
            Back to the round
          </Link>
        </div>
      </>
    );
  }

  const { totals, items } = data.results;
  const closedBy = data.status;
  const numberOf = new Map(items.map((item, index) => [item.slug, index + 1]));
  return (
    <>
      <title>Round results · Watermark</title>
      {back}
      <div className="page-heading">
        <h1>Round results</h1>
        <p className="lede">
          Started {formatDateTime(data.startedAt)}
          {closedBy === "expired" ? " · Time ran out" : " · Finished"}
        </p>
      </div>
      {closedBy === "expired" && <TimeRanOut closedAt={data.closedAt ?? data.deadline} items={items} />}
      <section className="results-overview" aria-labelledby="overview">
        <h2 id="overview" tabIndex={-1}>
          Overview
        </h2>
        <RoundTotals totals={totals} />
        <div className="results-overview-grid">
          <QuestionRows items={items} />
          <div className="results-overview-side">
            <SectionScores items={items} />
            {mine && (
              <section className="card" aria-labelledby="retry-heading">
                <h3 id="retry-heading">Practise what you missed</h3>
                <RetryMissed round={data} />
              </section>
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ol className="result-list">
          {items.map((item, index) => (
            <li key={item.slug} className={item.followUpOf ? "result-list-follow-up" : undefined}>
              <ResultItem
                item={item}
                number={index + 1}
                closedBy={closedBy}
                parentNumber={item.followUpOf === undefined ? undefined : numberOf.get(item.followUpOf)}
              />
            </li>
          ))}
        </ol>
      </section>
      {mine && (
        <div className="actions">
          <Link className="button button-primary" to="/rounds">
            Start another round
          </Link>
        </div>
      )}
    </>
  );
}

/**
 * The clock closed the round, not the candidate: said plainly at the top, since it changes how the score reads
 * (drafts graded as they stood, blanks scoring nothing).
 */
function TimeRanOut({ closedAt, items }: { closedAt: string; items: RoundResultItem[] }) {
  const fromDrafts = items.filter((item) => item.gradedFromDraft).length;
  const blank = items.filter((item) => item.verdict === "unanswered").length;
  const drafts =
    fromDrafts === 0
      ? "No answer was graded from a saved draft"
      : fromDrafts === 1
        ? "1 answer was graded from its saved draft"
        : `${fromDrafts} answers were graded from their saved drafts`;
  return (
    <div className="banner banner-warning">
      <p>
        <strong>Time ran out.</strong> The round closed by itself at {formatTime(closedAt)}, when its time limit was up.
      </p>
      <p>
        {drafts}
        {blank > 0 ? `, and ${blank} question${blank === 1 ? "" : "s"} had no answer and scored nothing` : ""}.
      </p>
    </div>
  );
}
