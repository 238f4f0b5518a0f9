import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../../lib/format-time";
import { useRound } from "../api/get-round";
import { ResultItem } from "../components/result-item";
import { RoundTotals } from "../components/round-totals";
import { forgetRound } from "../utils/local-round";
import { RoundLoadState } from "./round-load-state";

export function RoundResultsRoute() {
  const { id = "" } = useParams();
  const round = useRound(id);
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
      <RoundTotals totals={totals} />
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
      <div className="actions">
        <Link className="button button-primary" to="/rounds">
          Start another round
        </Link>
      </div>
    </>
  );
}
