import { Link, useSearchParams } from "react-router";
import { Pagination } from "../../../components/ui/pagination";
import { formatDateTime } from "../../../lib/format-time";
import { useRounds } from "../api/list-rounds";
import type { RoundSummary } from "../types";
import { formatPoints } from "../utils/format";
import { focusStartForm } from "./start-round-form";
import { Loading } from "../../../components/ui/page-status";

const PAGE_SIZE = 10;

const STATUS = {
  open: { label: "In progress", className: "status-open" },
  finished: { label: "Finished", className: "status-finished" },
  expired: { label: "Time ran out", className: "status-expired" },
} as const;

export function PastRounds() {
  const [params] = useSearchParams();
  const requested = Number.parseInt(params.get("page") ?? "", 10);
  const page = Number.isInteger(requested) && requested > 1 ? requested : 1;
  const rounds = useRounds(page, PAGE_SIZE);

  if (rounds.isPending) {
    return <Loading>Loading your rounds…</Loading>;
  }
  if (rounds.isError) {
    return (
      <div className="banner banner-error" role="alert">
        <p>We couldn't load your rounds. {rounds.error.message}</p>
        <button type="button" className="button button-secondary button-small" onClick={() => void rounds.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const { items, total } = rounds.data;
  if (total === 0)
    return (
      <div className="empty-state">
        <p>You haven't sat a round yet. Once you have, each one shows here with its score.</p>
        <button type="button" className="button button-secondary button-small" onClick={focusStartForm}>
          Set up your first round
        </button>
      </div>
    );

  return (
    <>
      <ul className="round-list">
        {items.map((round) => (
          <RoundRow key={round.id} round={round} />
        ))}
      </ul>
      <Pagination
        label="Round pages"
        page={page}
        pageCount={Math.ceil(total / PAGE_SIZE)}
        hrefFor={(p) => (p === 1 ? "/rounds" : `/rounds?page=${p}`)}
      />
    </>
  );
}

function RoundRow({ round }: { round: RoundSummary }) {
  const status = STATUS[round.status];
  const when = formatDateTime(round.startedAt);
  const open = round.status === "open";
  return (
    <li className="round-row">
      <div className="round-row-main">
        <p className="round-row-date">{when}</p>
        <p className="round-row-meta">
          <span className={`badge ${status.className}`}>{status.label}</span>
          <span>
            {round.questionCount} question{round.questionCount === 1 ? "" : "s"}
          </span>
        </p>
      </div>
      <p className="round-row-score">
        {round.totals ? (
          <>
            <strong>{round.totals.percent}%</strong>
            <span className="round-row-score-detail">
              {formatPoints(round.totals.score)} of {round.totals.maxScore}
            </span>
          </>
        ) : (
          <span className="round-row-score-detail">No score yet</span>
        )}
      </p>
      <Link
        className={open ? "button button-primary button-small" : "button button-secondary button-small"}
        to={open ? `/rounds/${round.id}` : `/rounds/${round.id}/results`}
      >
        {open ? "Continue" : "See results"}
        <span className="visually-hidden"> for the round started {when}</span>
      </Link>
    </li>
  );
}
